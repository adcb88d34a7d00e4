namespace PLKumkm.Bot.Channels.WhatsApp;

/// <summary>Cloud API message limits (see docs/channels.md, B5), in UTF-16 units to be safe.</summary>
internal static class WhatsAppLimits
{
    public const int TextBody = 4096;
    public const int Caption = 1024;

    public const int MaxButtons = 3;
    public const int ButtonTitle = 20;
    public const int ButtonId = 256;
    public const int ButtonBody = 1024;

    public const int MaxListRows = 10;
    public const int ListButtonLabel = 20;
    public const int ListRowTitle = 24;
    public const int ListRowDescription = 72;
    public const int ListRowId = 200;
    public const int ListBody = 4096;
}
