namespace PLKumkm.Bot.Webhooks;

/// <summary>The inbox drain's log messages: ids, channels and failures, never a body's content.</summary>
internal sealed partial class WebhookInboxService
{
    [LoggerMessage(Level = LogLevel.Error, Message = "Webhook inbox pass failed")]
    private partial void LogDispatchFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook body {RowId} ({Channel}) cannot be read ({Failure}); kept as unreadable")]
    private partial void LogUnreadable(string failure, long rowId, string channel);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Processing an update of webhook body {RowId} ({Channel}) failed, attempt {Attempt} of {MaxAttempts}")]
    private partial void LogUpdateFailed(Exception exception, long rowId, string channel, int attempt, int maxAttempts);

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhook body {RowId} ({Channel}) given up after {Attempts} attempts; kept in webhook_inbox with its error")]
    private partial void LogGivenUp(long rowId, string channel, int attempts);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Channel courtesy before processing webhook body {RowId} failed ({Failure})")]
    private partial void LogCourtesyFailed(string failure, long rowId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Apology for webhook body {RowId} on {Channel} could not be sent ({Failure})")]
    private partial void LogApologyFailed(string failure, long rowId, string channel);
}
