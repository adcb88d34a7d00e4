using Microsoft.EntityFrameworkCore;
using PLKumkm.Bot.Storage;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Owners;

/// <summary>
/// Remembers that the withdrawal question ("Lanjutkan?") is open, so a typed "ya" or "Ya, hapus data saya"
/// works like its button. Kept as an inactive session row with a reserved questionnaire id (the sessions
/// table already holds per-person conversation state; no schema change). The question counts as open for
/// <see cref="OpenFor"/> after it was asked, and only while no questionnaire answer came after it: a "ya"
/// typed later for a questionnaire question must never delete anything.
/// </summary>
internal static class WithdrawalPrompt
{
    public const string MarkerId = "_hapus";

    public static readonly TimeSpan OpenFor = TimeSpan.FromMinutes(10);

    public static async Task AskedAsync(BotDbContext db, long personId, DateTimeOffset now, CancellationToken ct)
    {
        await CloseAsync(db, personId, now, ct);
        db.Sessions.Add(new ConversationSession
        {
            PersonId = personId,
            QuestionnaireId = MarkerId,
            Stage = "ConfirmingWithdrawal",
            IsActive = false,
            StartedAt = now,
            UpdatedAt = now,
        });
    }

    public static async Task<bool> IsOpenAsync(BotDbContext db, long personId, DateTimeOffset now, CancellationToken ct)
    {
        var asked = await db.Sessions.AsNoTracking()
            .Where(s => s.PersonId == personId && s.QuestionnaireId == MarkerId && s.EndedAt == null)
            .OrderByDescending(s => s.Id)
            .Select(s => (DateTimeOffset?)s.StartedAt)
            .FirstOrDefaultAsync(ct);
        if (asked is not { } at || now - at > OpenFor)
        {
            return false;
        }

        // A person has at most a few active sessions: compared in memory.
        var questionnaireSince = (await db.Sessions.AsNoTracking()
                .Where(s => s.PersonId == personId && s.IsActive)
                .Select(s => s.UpdatedAt)
                .ToListAsync(ct))
            .Any(updated => updated > at);
        return !questionnaireSince;
    }

    public static async Task CloseAsync(BotDbContext db, long personId, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var row in await db.Sessions.Where(s => s.PersonId == personId && s.QuestionnaireId == MarkerId && s.EndedAt == null).ToListAsync(ct))
        {
            row.EndedAt = now;
        }
    }
}
