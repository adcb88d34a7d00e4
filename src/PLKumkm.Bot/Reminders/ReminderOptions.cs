using Microsoft.Extensions.Options;

namespace PLKumkm.Bot.Reminders;

/// <summary>Configuration section <c>Reminders</c>: when an unfinished form and a silent enumerator are reminded.</summary>
internal sealed class ReminderOptions
{
    public const string SectionName = "Reminders";

    public int CheckIntervalSeconds { get; set; } = 300;

    /// <summary>
    /// The first reminder of a form nobody answered: before a day has passed, so on WhatsApp it still falls inside the
    /// 24 hours in which a free message may be sent.
    /// </summary>
    public int FirstAfterHours { get; set; } = 22;

    /// <summary>The second and last, by template on WhatsApp.</summary>
    public int SecondAfterHours { get; set; } = 72;

    /// <summary>An enumerator with nothing sent for this many days (since their last record, or since registered).</summary>
    public int EnumeratorIdleDays { get; set; } = 2;

    /// <summary>No reminder goes out from this local hour…</summary>
    public int QuietFromHour { get; set; } = 21;

    /// <summary>…until this one (the region's clock; an owner whose region is not known yet, WIB).</summary>
    public int QuietUntilHour { get; set; } = 7;

    public TimeSpan CheckInterval => TimeSpan.FromSeconds(CheckIntervalSeconds);

    public bool IsQuiet(int localHour) =>
        QuietFromHour > QuietUntilHour
            ? localHour >= QuietFromHour || localHour < QuietUntilHour
            : localHour >= QuietFromHour && localHour < QuietUntilHour;
}

internal sealed class ReminderOptionsValidator : IValidateOptions<ReminderOptions>
{
    public ValidateOptionsResult Validate(string? name, ReminderOptions o)
    {
        var failures = new List<string>();
        void Check(string key, int value, int min, int max)
        {
            if (value < min || value > max)
            {
                failures.Add($"{ReminderOptions.SectionName}:{key} must be between {min} and {max}.");
            }
        }

        Check(nameof(o.CheckIntervalSeconds), o.CheckIntervalSeconds, 5, 3600);
        Check(nameof(o.FirstAfterHours), o.FirstAfterHours, 1, 24 * 30);
        Check(nameof(o.SecondAfterHours), o.SecondAfterHours, o.FirstAfterHours + 1, 24 * 60);
        Check(nameof(o.EnumeratorIdleDays), o.EnumeratorIdleDays, 1, 60);
        Check(nameof(o.QuietFromHour), o.QuietFromHour, 0, 23);
        Check(nameof(o.QuietUntilHour), o.QuietUntilHour, 0, 23);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
