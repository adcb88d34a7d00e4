using PLKumkm.Bot.Core;

namespace PLKumkm.Bot.Validation;

/// <summary>The 21 sections (kategori) of KBLI 2020, A–U, and which 2-digit divisions they hold.</summary>
internal static class KbliSections
{
    public const string Letters = "ABCDEFGHIJKLMNOPQRSTU";

    /// <summary>Official Indonesian name (BPS, KBLI 2020).</summary>
    public static string Name(char section) => Get(section).Name;

    /// <summary>At most 20 characters, for buttons and lists.</summary>
    public static string ShortName(char section) => Get(section).Short;

    /// <summary>Full name in both languages (English: ISIC Rev. 4, which KBLI follows).</summary>
    public static UserText Title(char section)
    {
        var s = Get(section);
        return new UserText(s.Name, s.NameEn);
    }

    /// <summary>Button label in both languages, each at most 20 characters.</summary>
    public static UserText ShortTitle(char section)
    {
        var s = Get(section);
        return new UserText(s.Short, s.ShortEn);
    }

    public static bool IsSection(char section) => char.ToUpperInvariant(section) is >= 'A' and <= 'U';

    /// <summary>Section A (agriculture, forestry, fishing) is counted by the agricultural census, not PL-KUMKM.</summary>
    public static bool InScope(char section) => char.ToUpperInvariant(section) != 'A';

    /// <summary>The section of a 2-digit KBLI division (<c>47</c> → <c>G</c>); <c>null</c> for numbers KBLI does not use.</summary>
    public static char? SectionOfDivision(int division) => division switch
    {
        >= 1 and <= 3 => 'A',
        >= 5 and <= 9 => 'B',
        >= 10 and <= 33 => 'C',
        35 => 'D',
        >= 36 and <= 39 => 'E',
        >= 41 and <= 43 => 'F',
        >= 45 and <= 47 => 'G',
        >= 49 and <= 53 => 'H',
        >= 55 and <= 56 => 'I',
        >= 58 and <= 63 => 'J',
        >= 64 and <= 66 => 'K',
        68 => 'L',
        >= 69 and <= 75 => 'M',
        >= 77 and <= 82 => 'N',
        84 => 'O',
        85 => 'P',
        >= 86 and <= 88 => 'Q',
        >= 90 and <= 93 => 'R',
        >= 94 and <= 96 => 'S',
        >= 97 and <= 98 => 'T',
        99 => 'U',
        _ => null,
    };

    private sealed record Section(string Name, string Short, string NameEn, string ShortEn);

    private static Section Get(char section) =>
        IsSection(section)
            ? All[char.ToUpperInvariant(section) - 'A']
            : throw new ArgumentOutOfRangeException(nameof(section), section, "KBLI sections are A to U.");

    private static readonly Section[] All =
    [
        new("Pertanian, Kehutanan dan Perikanan", "Pertanian", "Agriculture, forestry and fishing", "Agriculture"),
        new("Pertambangan dan Penggalian", "Pertambangan", "Mining and quarrying", "Mining"),
        new("Industri Pengolahan", "Industri pengolahan", "Manufacturing", "Manufacturing"),
        new("Pengadaan Listrik, Gas, Uap/Air Panas dan Udara Dingin", "Listrik & gas", "Electricity, gas, steam and air conditioning supply", "Electricity & gas"),
        new("Treatment Air, Treatment Air Limbah, Treatment dan Pemulihan Material Sampah, dan Aktivitas Remediasi", "Air & sampah", "Water supply; sewerage, waste management and remediation activities", "Water & waste"),
        new("Konstruksi", "Konstruksi", "Construction", "Construction"),
        new("Perdagangan Besar dan Eceran; Reparasi dan Perawatan Mobil dan Sepeda Motor", "Perdagangan", "Wholesale and retail trade; repair of motor vehicles and motorcycles", "Trade & repair"),
        new("Pengangkutan dan Pergudangan", "Angkutan & gudang", "Transportation and storage", "Transport & storage"),
        new("Penyediaan Akomodasi dan Penyediaan Makan Minum", "Makan & penginapan", "Accommodation and food service activities", "Food & lodging"),
        new("Informasi dan Komunikasi", "Info & komunikasi", "Information and communication", "Info & communication"),
        new("Aktivitas Keuangan dan Asuransi", "Keuangan & asuransi", "Financial and insurance activities", "Finance & insurance"),
        new("Real Estat", "Real estat", "Real estate activities", "Real estate"),
        new("Aktivitas Profesional, Ilmiah dan Teknis", "Jasa profesional", "Professional, scientific and technical activities", "Professional & tech"),
        new("Aktivitas Penyewaan dan Sewa Guna Usaha Tanpa Hak Opsi, Ketenagakerjaan, Agen Perjalanan dan Penunjang Usaha Lainnya", "Sewa & jasa usaha", "Administrative and support service activities", "Rental & support"),
        new("Administrasi Pemerintahan, Pertahanan dan Jaminan Sosial Wajib", "Pemerintahan", "Public administration and defence; compulsory social security", "Government"),
        new("Pendidikan", "Pendidikan", "Education", "Education"),
        new("Aktivitas Kesehatan Manusia dan Aktivitas Sosial", "Kesehatan & sosial", "Human health and social work activities", "Health & social"),
        new("Kesenian, Hiburan dan Rekreasi", "Kesenian & hiburan", "Arts, entertainment and recreation", "Arts & recreation"),
        new("Aktivitas Jasa Lainnya", "Jasa lainnya", "Other service activities", "Other services"),
        new("Aktivitas Rumah Tangga sebagai Pemberi Kerja; Aktivitas yang Menghasilkan Barang dan Jasa oleh Rumah Tangga yang Digunakan untuk Memenuhi Kebutuhan Sendiri", "Rumah tangga", "Activities of households as employers; undifferentiated goods- and services-producing activities of households for own use", "Households"),
        new("Aktivitas Badan Internasional dan Badan Ekstra Internasional Lainnya", "Badan internasional", "Activities of extraterritorial organizations and bodies", "International bodies"),
    ];
}
