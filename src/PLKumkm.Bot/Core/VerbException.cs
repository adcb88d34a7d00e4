namespace PLKumkm.Bot.Core;

/// <summary>
/// A failure a command-line verb explains in one line (no stack trace). Thrown by the features the verbs run, so it
/// lives below them rather than with the verbs.
/// </summary>
internal sealed class VerbException(string message) : Exception(message);
