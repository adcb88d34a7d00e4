namespace PLKumkm.Bot.Channels.WhatsApp;

/// <summary>
/// One approved message template (<c>WhatsApp:Templates:&lt;kind&gt;</c>): what goes out instead of a reply of that
/// kind when the person's 24-hour window is closed (131047). The kind <see cref="WhatsAppOptions.DefaultTemplateKind"/>
/// stands for every reply without a kind of its own.
/// </summary>
internal sealed class WhatsAppTemplateOptions
{
    /// <summary>The template's name as approved in WhatsApp Manager (lowercase letters, digits, underscores).</summary>
    public string? Name { get; set; }

    /// <summary>The approved translation's language code, e.g. <c>id</c> or <c>en_US</c>.</summary>
    public string Language { get; set; } = "id";

    /// <summary>How many body parameters (<c>{{1}}</c>, <c>{{2}}</c>…) the approved template has: Meta refuses a
    /// template sent with another count.</summary>
    public int Parameters { get; set; }
}
