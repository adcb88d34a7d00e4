using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PLKumkm.Bot.Conversations;
using PLKumkm.Bot.Conversations.Handling;
using PLKumkm.Bot.Core;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Regions;
using PLKumkm.Bot.Storage;
using PLKumkm.Bot.Storage.Entities;
using PLKumkm.Bot.Validation;

namespace PLKumkm.Bot.Reminders;

/// <summary>
/// Reminders that are due: a form nobody answered for <see cref="ReminderOptions.FirstAfterHours"/> (one more after
/// <see cref="ReminderOptions.SecondAfterHours"/>, then none), and an enumerator from whom nothing came for
/// <see cref="ReminderOptions.EnumeratorIdleDays"/> days (once per silent spell). Never in quiet hours, never to someone
/// who typed <c>/berhenti</c> or whose chat is unreachable. Each is claimed in the database (<see cref="ScheduledMessages"/>).
/// </summary>
internal sealed partial class ReminderSender(
    BotDbContext db,
    QuestionnaireCatalog questionnaires,
    RegionCatalog regions,
    ScheduledMessages scheduled,
    IOptions<ReminderOptions> options,
    ILogger<ReminderSender> logger)
{
    public const string Template = "reminder";

    /// <returns>How many reminders were stored.</returns>
    public async Task<int> SendDueAsync(DateTimeOffset now, bool deliver, CancellationToken ct) =>
        await FormsAsync(now, deliver, ct) + await EnumeratorsAsync(now, deliver, ct);

    private async Task<int> FormsAsync(DateTimeOffset now, bool deliver, CancellationToken ct)
    {
        var o = options.Value;
        var firstBefore = now - TimeSpan.FromHours(o.FirstAfterHours);
        var secondBefore = now - TimeSpan.FromHours(o.SecondAfterHours);
        var waiting = await WaitingForms(db, firstBefore, secondBefore)
            .Join(db.People.AsNoTracking().Where(p => p.RemindersStoppedAt == null), s => s.PersonId, p => p.Id, (s, p) => new { Session = s, Person = p })
            .ToListAsync(ct);
        var sent = 0;
        foreach (var (session, person) in waiting.Select(w => (w.Session, w.Person)))
        {
            if (Quiet(person.RegionCode, now) || !questionnaires.Contains(session.QuestionnaireId)
                || await scheduled.AddressOfAsync(person.Id, ct) is not { } address)
            {
                continue;
            }

            int answered;
            string? business;
            try
            {
                var answers = SessionStore.Read(session).Answers;
                answered = answers.Count;
                business = answers.GetValueOrDefault("nama_usaha") ?? answers.GetValueOrDefault("nama_koperasi");
            }
            catch (JsonException)
            {
                continue;
            }

            var questionnaire = questionnaires.Get(session.QuestionnaireId);
            var title = questionnaire.Title.In(person.Language);
            var last = session.RemindersSent == 1;
            // An enumerator's open form is one they fill in for a business, not their own registration.
            var text = person.Role == PersonRole.Enumerator
                ? ReminderTexts.OnBehalf(title, business, answered, questionnaire.Questions.Count, last)
                : ReminderTexts.Form(title, answered, questionnaire.Questions.Count, last);
            var message = new OutboundMessage(text.In(person.Language))
            {
                Language = person.Language,
                Options = [new ReplyOption(person.Language == Languages.English ? "▶️ Continue" : "▶️ Lanjutkan", "/start")],
                Template = Template,
                TemplateParameters = [title, $"{answered}/{questionnaire.Questions.Count}"],
            };
            var count = session.RemindersSent;
            var id = session.Id;
            if (await scheduled.StoreAsync(d => d.Sessions.Where(s => s.Id == id && s.RemindersSent == count)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.RemindersSent, count + 1).SetProperty(x => x.RemindedAt, now), ct),
                    address, message, now, deliver, ct))
            {
                sent++;
                LogForm(id, count + 1);
            }
        }

        return sent;
    }

    /// <summary>Open forms due a first or a second reminder (by the sessions' partial index IX_sessions_waiting).</summary>
    internal static IQueryable<ConversationSession> WaitingForms(BotDbContext db, DateTimeOffset firstBefore, DateTimeOffset secondBefore) =>
        // Two ranges of the index (one per reminder count), not one OR the planners would read the whole index for.
        db.Sessions.AsNoTracking().Where(s => s.IsActive && s.RemindersSent == 0 && s.UpdatedAt < firstBefore)
            .Concat(db.Sessions.AsNoTracking().Where(s => s.IsActive && s.RemindersSent == 1 && s.UpdatedAt < secondBefore));

    private async Task<int> EnumeratorsAsync(DateTimeOffset now, bool deliver, CancellationToken ct)
    {
        var idleBefore = now - TimeSpan.FromDays(options.Value.EnumeratorIdleDays);
        var enumerators = await db.People.AsNoTracking()
            .Where(p => p.Role == PersonRole.Enumerator && p.RegionCode != null && p.RemindersStoppedAt == null)
            .ToListAsync(ct);
        if (enumerators.Count == 0)
        {
            return 0;
        }

        var last = await LastSentAsync(ct);
        var sent = 0;
        foreach (var person in enumerators)
        {
            DateTimeOffset? lastSent = last.TryGetValue(person.Id, out var at) ? at : null;
            // Silent since their last record, or since they were registered.
            var since = lastSent ?? person.CreatedAt;
            if (since >= idleBefore || person.IdleRemindedAt >= since || Quiet(person.RegionCode, now)
                || await scheduled.AddressOfAsync(person.Id, ct) is not { } address)
            {
                continue;
            }

            var day = lastSent is { } time ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time, ZoneOf(person.RegionCode)).DateTime) : (DateOnly?)null;
            var message = new OutboundMessage(ReminderTexts.Enumerator(person.Name ?? "", day, person.Language).In(person.Language))
            {
                Language = person.Language,
                Options = [new ReplyOption(person.Language == Languages.English ? "⚡ Quick entry" : "⚡ Entri cepat", "/cepat")],
                Template = Template,
                TemplateParameters = [person.Name ?? "", day is { } d ? DateParser.Format(d, person.Language) : "-"],
            };
            var id = person.Id;
            if (await scheduled.StoreAsync(d => d.People.Where(p => p.Id == id && (p.IdleRemindedAt == null || p.IdleRemindedAt < since))
                    .ExecuteUpdateAsync(p => p.SetProperty(x => x.IdleRemindedAt, now), ct),
                    address, message, now, deliver, ct))
            {
                sent++;
                LogEnumerator(id);
            }
        }

        return sent;
    }

    /// <summary>Each enumerator's latest record of either kind (their id is kept on the record as text).</summary>
    private async Task<Dictionary<long, DateTimeOffset>> LastSentAsync(CancellationToken ct)
    {
        var umkm = await db.UmkmRecords.AsNoTracking().Where(r => r.Enumerator != null)
            .GroupBy(r => r.Enumerator!).Select(g => new { g.Key, Last = g.Max(r => r.WaktuKirim) }).ToListAsync(ct);
        var koperasi = await db.KoperasiRecords.AsNoTracking().Where(r => r.Enumerator != null)
            .GroupBy(r => r.Enumerator!).Select(g => new { g.Key, Last = g.Max(r => r.WaktuKirim) }).ToListAsync(ct);
        var last = new Dictionary<long, DateTimeOffset>();
        foreach (var row in umkm.Concat(koperasi))
        {
            if (long.TryParse(row.Key, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
                && (!last.TryGetValue(id, out var known) || row.Last > known))
            {
                last[id] = row.Last;
            }
        }

        return last;
    }

    private bool Quiet(string? regionCode, DateTimeOffset now) =>
        options.Value.IsQuiet(TimeZoneInfo.ConvertTime(now, ZoneOf(regionCode)).Hour);

    private TimeZoneInfo ZoneOf(string? regionCode)
    {
        try
        {
            return regions.TimeZoneOf(string.IsNullOrEmpty(regionCode) ? "31" : regionCode);
        }
        catch (ArgumentException)
        {
            return regions.TimeZoneOf("31");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminder {Number} for unfinished form {SessionId} stored")]
    private partial void LogForm(long sessionId, int number);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminder for silent enumerator {PersonId} stored")]
    private partial void LogEnumerator(long personId);
}
