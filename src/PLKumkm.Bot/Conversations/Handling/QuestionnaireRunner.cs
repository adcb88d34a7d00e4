using Microsoft.EntityFrameworkCore;
using PLKumkm.Bot.Conversations.Engine;
using PLKumkm.Bot.Core;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Records;
using PLKumkm.Bot.Regions;
using PLKumkm.Bot.Staff;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Conversations.Handling;

/// <summary>Starts and continues questionnaire sessions for a person and applies what the engine reports.</summary>
internal sealed class QuestionnaireRunner(
    ConversationEngine engine, QuestionnaireCatalog questionnaires, RecordWriter records, RegionCatalog regions, TimeProvider clock)
{
    public async Task StartAsync(UpdateContext context, string questionnaireId, CancellationToken ct)
    {
        var questionnaire = questionnaires.Get(questionnaireId);
        var version = questionnaire.Consent.Version;
        // Staff register businesses for their owners: each owner reads and agrees to the notice themself.
        var forOwner = RolePolicy.Allows(context.Person, StaffAction.RegisterForOwner);
        var consented = !forOwner && await context.Db.Consents.AnyAsync(
            c => c.PersonId == context.Person.Id && c.NoticeVersion == version && c.WithdrawnAt == null && !c.OnBehalfOfOwner, ct);
        if (forOwner)
        {
            context.Reply(SubmissionTexts.ForOwner(context.Language));
        }

        var result = engine.Start(questionnaireId, context.Language, consented);
        if (forOwner)
        {
            result.Session.OnBehalfOf = SessionOwners.Owner;
        }

        var row = SessionStore.New(context.Person.Id, result.Session);
        context.Db.Sessions.Add(row);
        await ApplyAsync(context, row, result, ct);
    }

    /// <summary>
    /// Starts a correction of the person's own record (<c>/ubah</c>): the questionnaire of its kind, filled with
    /// the stored values, opened at the summary. Submitting it updates that record as a new version.
    /// </summary>
    public async Task StartEditingAsync(UpdateContext context, IRegisteredRecord record, CancellationToken ct)
    {
        var questionnaire = questionnaires.All.FirstOrDefault(q => q.Kind == record.Kind)
            ?? throw new InvalidOperationException($"no questionnaire of kind {record.Kind} is loaded");
        var version = questionnaire.Consent.Version;
        var consented = await context.Db.Consents.AnyAsync(
            c => c.PersonId == context.Person.Id && c.NoticeVersion == version && c.WithdrawnAt == null, ct);
        var answers = EditAnswers.From(questionnaire, RecordSnapshots.Answers(record, questionnaire));
        var result = engine.StartEditing(questionnaire.Id, context.Language, answers, record.RegistrationNumber, consented);
        var row = SessionStore.New(context.Person.Id, result.Session);
        row.RegistrationNumber = record.RegistrationNumber;
        context.Db.Sessions.Add(row);
        await ApplyAsync(context, row, result, ct);
    }

    public async Task ContinueAsync(UpdateContext context, ConversationSession row, CancellationToken ct)
    {
        var message = context.Message;
        var result = context.StepsAhead is { } ahead && await ahead.TakeAsync(message, row, context.Language, context.Person.Phone, context.Content) is { } taken
            ? taken
            : engine.Handle(Read(context, row), context.Content, message.Reference(message.MessageId));
        await ApplyAsync(context, row, result, ct);
    }

    /// <summary>The update edits an earlier message (<see cref="InboundMessage.EditsMessageId"/>).</summary>
    public async Task CorrectAsync(UpdateContext context, ConversationSession row, CancellationToken ct)
    {
        var state = Read(context, row);
        var message = context.Message;
        var result = engine.HandleEdit(state, context.Content, message.Reference(message.EditsMessageId)!);
        await ApplyAsync(context, row, result, ct);
    }

    public void Resume(UpdateContext context, ConversationSession row)
    {
        var result = engine.Resume(Read(context, row));
        context.Replies.AddRange(result.Messages);
    }

    /// <summary>The stored session with what this message brings: the person's language and proven phone.</summary>
    private static SessionState Read(UpdateContext context, ConversationSession row) => Read(row.StateJson, context.Language, context.Person.Phone);

    /// <summary>A stored state with the person's language and proven phone (what <see cref="QuestionnaireAhead"/> runs
    /// the engine on too).</summary>
    internal static SessionState Read(string stateJson, string language, string? phone)
    {
        var state = SessionStore.Read(stateJson);
        state.Language = language;
        state.ProvenPhone = state.OnBehalfOf is null ? phone : null;
        return state;
    }

    private async Task ApplyAsync(UpdateContext context, ConversationSession row, EngineResult result, CancellationToken ct)
    {
        context.Replies.AddRange(result.Messages);
        foreach (var e in result.Events)
        {
            switch (e)
            {
                case ConsentGiven given:
                    context.Db.Consents.Add(new Consent
                    {
                        PersonId = context.Person.Id,
                        NoticeVersion = given.NoticeVersion,
                        GivenAt = clock.GetUtcNow(),
                        OnBehalfOfOwner = result.Session.OnBehalfOf == SessionOwners.Owner,
                    });
                    break;
                case SubmissionReady ready when result.Session.EditingRegistrationNumber is { } editing:
                    row.RegistrationNumber = await SubmitCorrectionAsync(context, ready, editing, ct);
                    break;
                case SubmissionReady ready:
                    row.RegistrationNumber = await SubmitAsync(context, ready, result.Session.OnBehalfOf == SessionOwners.Owner, ct);
                    break;
            }
        }

        SessionStore.Write(row, result.Session);
    }

    /// <returns>The registration number written, or null when nothing was (refused: the reply says why).</returns>
    private async Task<string?> SubmitAsync(UpdateContext context, SubmissionReady ready, bool forOwner, CancellationToken ct)
    {
        var answers = new Dictionary<string, string>(ready.Answers, StringComparer.Ordinal);
        // Staff filling it in for an owner write as staff: inside their own region only.
        var submitter = forOwner && RolePolicy.ScopeOf(context.Person) is { } scope
            ? Submitter.Staff(context.Person, scope)
            : Submitter.Owner(context.Person);
        var number = await SubmitAsync(context, ready, answers, submitter, ct);
        if (forOwner && number is not null)
        {
            await LinkOwnerConsentAsync(context, number, ct);
        }

        return number;
    }

    /// <summary>Ties the owner's consent, recorded at the start of this session, to the owner's record.</summary>
    private static async Task LinkOwnerConsentAsync(UpdateContext context, string number, CancellationToken ct)
    {
        var consent = context.Db.Consents.Local.LastOrDefault(c => c.PersonId == context.Person.Id && c.OnBehalfOfOwner && c.RegistrationNumber == null)
                      ?? await context.Db.Consents
                          .Where(c => c.PersonId == context.Person.Id && c.OnBehalfOfOwner && c.RegistrationNumber == null)
                          .OrderByDescending(c => c.Id)
                          .FirstOrDefaultAsync(ct);
        if (consent is not null)
        {
            consent.RegistrationNumber = number;
        }
    }

    private async Task<string?> SubmitAsync(
        UpdateContext context, SubmissionReady ready, Dictionary<string, string> answers, Submitter submitter, CancellationToken ct)
    {
        if (ready.Questionnaire.Kind == RecordKind.Koperasi)
        {
            return await SubmitKoperasiAsync(context, ready, answers, submitter, ct);
        }

        var saved = await records.SaveUmkmAsync(answers, submitter, ct);
        if (saved.IsRefused)
        {
            context.Reply(WriteRefusalTexts.For(saved.Refused!, regions));
            return null;
        }

        var number = saved.Record.RegistrationNumber;
        var done = ready.Questionnaire.Done.In(context.Language);
        context.Reply(saved.Updated
            ? SubmissionTexts.Updated(number, context.Language)
            : $"{done}\n\n{SubmissionTexts.Number(number, context.Language)}");
        if (ready.Questionnaire.Kind == RecordKind.Umkm && saved.Record.Skala is { } skala)
        {
            context.Reply(SubmissionTexts.SizeClass(skala, context.Language));
        }

        if (saved.Record.Status == RecordStatus.Flagged && saved.Record.Skala != SizeClass.Besar)
        {
            context.Reply(SubmissionTexts.UnderReview(context.Language));
        }

        return number;
    }

    private async Task<string?> SubmitKoperasiAsync(
        UpdateContext context, SubmissionReady ready, Dictionary<string, string> answers, Submitter submitter, CancellationToken ct)
    {
        var saved = await records.SaveKoperasiAsync(answers, submitter, ct);
        if (saved.IsRefused)
        {
            context.Reply(WriteRefusalTexts.For(saved.Refused!, regions));
            return null;
        }

        var number = saved.Record.RegistrationNumber;
        context.Reply(saved.Updated
            ? SubmissionTexts.KoperasiUpdated(number, context.Language)
            : $"{ready.Questionnaire.Done.In(context.Language)}\n\n{SubmissionTexts.Number(number, context.Language)}");
        if (saved.Record.Status == RecordStatus.Flagged)
        {
            context.Reply(SubmissionTexts.UnderReview(context.Language));
        }

        return number;
    }

    /// <summary>
    /// A correction replaces the record's values for every field the questionnaire stores: a question no
    /// longer answered (skipped, or switched off by another answer) clears its field.
    /// </summary>
    private async Task<string> SubmitCorrectionAsync(UpdateContext context, SubmissionReady ready, string registrationNumber, CancellationToken ct)
    {
        var answers = new Dictionary<string, string>(ready.Answers, StringComparer.Ordinal);
        foreach (var question in ready.Questionnaire.Questions.Where(q => q.Store))
        {
            answers.TryAdd(question.Id, "");
        }

        var result = await records.UpdateAsync(ready.Questionnaire.Kind, registrationNumber, answers, Submitter.Owner(context.Person), ct);
        var record = result.Record;
        if (result.Refused is { } refused)
        {
            context.Reply(WriteRefusalTexts.For(refused, regions));
        }
        else
        {
            context.Reply(record is null
                ? SubmissionTexts.CorrectionGone(registrationNumber, context.Language)
                : SubmissionTexts.Corrected(registrationNumber, context.Language));
        }

        if (record?.Status == RecordStatus.Flagged)
        {
            context.Reply(SubmissionTexts.UnderReview(context.Language));
        }

        return registrationNumber;
    }
}
