using PLKumkm.Bot.Conversations.Handling;
using PLKumkm.Bot.Staff;

namespace PLKumkm.Bot.Messaging.Commands;

/// <summary>
/// Chooses the handler of an update from the command table, the one place that decides precedence: a /command goes to
/// its entry (a questionnaire's own command to the open questionnaire); plain input goes to the triggers that come
/// before the questionnaire, then to the open questionnaire, then to the triggers that yield to it, then to help.
/// A group only gets the public commands and the group's own answer.
/// </summary>
internal sealed class CommandRouter(CommandTable table, IServiceProvider services)
{
    public async Task RouteAsync(UpdateContext context, CancellationToken ct)
    {
        if (context.Message.EditsMessageId is not null)
        {
            // An edit is no new message: no command or trigger runs again; only the open questionnaire may take it as a
            // correction. Edits in a group are nobody's answer.
            if (!context.Message.IsGroup)
            {
                context.Session = await context.FindActiveSessionAsync(ct);
                await ((QuestionnaireHandler)Handler(table.OpenQuestionnaire)).HandleEditAsync(context, ct);
            }

            return;
        }

        context.Command = table.Match(context.Text);
        if (context.Message.IsGroup)
        {
            await RouteInGroupAsync(context, ct);
            return;
        }

        context.Session = await context.FindActiveSessionAsync(ct);
        if (!await TryPrivateAsync(context, ct))
        {
            await Handler(table.Otherwise).TryHandleAsync(context, ct);
        }
    }

    private async Task<bool> TryPrivateAsync(UpdateContext context, CancellationToken ct)
    {
        var questionnaire = (QuestionnaireHandler)Handler(table.OpenQuestionnaire);
        if (context.Command is { } command)
        {
            // An unknown /command inside a questionnaire is the questionnaire's to explain (never an answer); outside
            // one, help answers it.
            var entry = command.Entry;
            return (entry is { WhileAnswering: WhileAnswering.Interrupts } && await TryAsync(entry, context, ct))
                   || await questionnaire.TryHandleAsync(context, ct)
                   || (entry is { WhileAnswering: WhileAnswering.BelongsToQuestionnaire } && await TryAsync(entry, context, ct));
        }

        return await TryTriggersAsync(context, e => e.Trigger!.Precedence == TriggerPrecedence.BeforeQuestionnaire, ct)
               || (questionnaire.Takes(context) && await questionnaire.TryHandleAsync(context, ct))
               || await TryTriggersAsync(context, e => e.Trigger!.Precedence == TriggerPrecedence.AfterQuestionnaire, ct)
               || await questionnaire.TryHandleAsync(context, ct);
    }

    private async Task RouteInGroupAsync(UpdateContext context, CancellationToken ct)
    {
        var answered = context.Command is { Entry: { InGroups: InGroups.Answered } entry }
            ? await TryAsync(entry, context, ct)
            : context.Command is null && await TryTriggersAsync(context, e => e.InGroups == InGroups.Answered, ct);
        if (!answered)
        {
            await Handler(table.InGroupsOtherwise).TryHandleAsync(context, ct);
        }
    }

    /// <summary>The plain-text triggers of the entries <paramref name="tried"/> picks, in table order.</summary>
    private async Task<bool> TryTriggersAsync(UpdateContext context, Func<CommandEntry, bool> tried, CancellationToken ct)
    {
        foreach (var entry in table.Entries)
        {
            if (entry.Trigger is { } trigger
                && tried(entry)
                && trigger.Matches(context.Content)
                && (trigger.Confirms is null || trigger.Confirms(services, context.Content))
                && await TryAsync(entry, context, ct))
            {
                return true;
            }
        }

        return false;
    }

    private async Task<bool> TryAsync(CommandEntry entry, UpdateContext context, CancellationToken ct)
    {
        if (entry.Requires is { } action && !RolePolicy.Allows(context.Person, action))
        {
            context.Reply(RolePolicy.Refusal(action));
            return true;
        }

        return await Handler(entry.Handler).TryHandleAsync(context, ct);
    }

    private IMessageHandler Handler(Type type) => (IMessageHandler)services.GetRequiredService(type);
}
