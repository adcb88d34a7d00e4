using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Telegram.Bot.Exceptions;

namespace PLKumkm.Bot.Channels.Telegram;

/// <summary>
/// Retries Bot API calls: a 429 waits exactly the server's retry_after before the next attempt,
/// 5xx and network failures back off exponentially; everything else (400, 403…) fails at once
/// because repeating the same request cannot help. Attempts are bounded so a chat never stalls for long.
/// </summary>
internal sealed class TelegramRetryPolicy
{
    public int MaxAttempts { get; init; } = 4;

    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(8);

    /// <summary>Added to every retry_after: a timer may fire a tick early, and a flood wait is not worth shaving.</summary>
    public TimeSpan RetryAfterMargin { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>A longer flood wait is given up on rather than holding the chat's queue hostage.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(60);

    public TimeProvider Time { get; init; } = TimeProvider.System;

    public async Task<T> ExecuteAsync<T>(
        Func<CancellationToken, Task<T>> call, string method, ILogger logger, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (attempt < MaxAttempts && RetryDelay(ex, attempt, cancellationToken) is { } delay)
            {
                logger.LogWarning(
                    "Telegram {Method} failed ({Failure}); attempt {Attempt} of {MaxAttempts}, retrying in {DelayMs} ms",
                    method, Describe(ex), attempt, MaxAttempts, (int)delay.TotalMilliseconds);
                await Task.Delay(delay, Time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public Task ExecuteAsync(Func<CancellationToken, Task> call, string method, ILogger logger, CancellationToken cancellationToken) =>
        ExecuteAsync(async ct => { await call(ct).ConfigureAwait(false); return true; }, method, logger, cancellationToken);

    /// <summary>How long to wait before retrying, or null when the failure is not worth retrying.</summary>
    internal TimeSpan? RetryDelay(Exception ex, int attempt, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return null;
        }

        switch (ex)
        {
            case ApiRequestException { ErrorCode: 429 } api:
                var retryAfter = TimeSpan.FromSeconds(api.Parameters?.RetryAfter ?? 1);
                return retryAfter <= MaxRetryAfter ? retryAfter + RetryAfterMargin : null;
            case ApiRequestException api:
                return api.ErrorCode >= 500 ? Backoff(attempt) : null;
            // Non-API failures: connection refused/reset, timeouts, a proxy's HTML error page.
            case RequestException or HttpRequestException or IOException or SocketException or TimeoutException:
            case OperationCanceledException:
                return Backoff(attempt);
            default:
                return null;
        }
    }

    private TimeSpan Backoff(int attempt)
    {
        var delay = BaseDelay * Math.Pow(2, attempt - 1);
        return delay < MaxDelay ? delay : MaxDelay;
    }

    /// <summary>Exception type and API error code only: API descriptions may quote user input.</summary>
    internal static string Describe(Exception ex) => ex switch
    {
        ApiRequestException api => $"{nameof(ApiRequestException)} {api.ErrorCode}",
        _ => ex.GetType().Name,
    };
}
