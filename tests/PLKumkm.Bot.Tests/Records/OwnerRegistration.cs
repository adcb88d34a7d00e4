using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Tests.Staff;

namespace PLKumkm.Bot.Tests.Records;

/// <summary>A whole guided UMKM registration, answered as an owner would, through the real pipeline.</summary>
internal static class OwnerRegistration
{
    public static IReadOnlyList<InboundContent> Steps(string nik, string business, string name = "Siti Aminah", string phone = "0812 3456 7890") =>
    [
        new TextInput("/daftar"),
        new ChoiceInput("_consent=ya"),
        new TextInput(name),
        new TextInput(nik),
        new ChoiceInput("jenis_kelamin=P"),
        new TextInput(phone),
        new TextInput(business),
        new TextInput("menjual sembako"),
        new ChoiceInput("kbli=G"),
        new TextInput("2019"),
        new TextInput("1"),
        new TextInput("perorangan"),
        new TextInput("tidak"),
        new TextInput("sumatera selatan"),
        new TextInput("ogan komering ulu"),
        new TextInput("baturaja timur"),
        new TextInput("sukaraya"),
        new TextInput("Jl. Dr. Moh. Hatta No. 12"),
        new LocationInput(-4.1291, 104.1668),
        new TextInput("/lewati"),
        new TextInput("3"),
        new TextInput("2"),
        new TextInput("2"),
        new ChoiceInput("omzet_periode=bulan"),
        new TextInput("3jt"),
        new TextInput("15 juta"),
        new TextInput("/lewati"),
        new ChoiceInput("cara_jual=offline"),
        new ChoiceInput("sumber_modal=sendiri"),
        new ChoiceInput("_multi=done"),
        new TextInput("tidak"),
        new TextInput("kirim"),
    ];

    /// <summary>Runs the registration in <paramref name="user"/>'s chat; returns every reply's text, in order.</summary>
    public static async Task<string> RunAsync(StaffChat chat, string user, string nik, string business, string name = "Siti Aminah",
        string phone = "0812 3456 7890")
    {
        var replies = new List<OutboundMessage>();
        foreach (var step in Steps(nik, business, name, phone))
        {
            replies.AddRange(await chat.SendAsync(user, step));
        }

        return StaffChat.Text(replies);
    }
}
