using PLKumkm.Bot.Core;

namespace PLKumkm.Bot.Validation;

/// <summary>
/// The outcome of reading one answer: a value, or an error that tells the person what was wrong
/// and how to write it. A value may carry a warning (accepted, but worth telling).
/// </summary>
internal sealed record Parsed<T>
{
    public T? Value { get; private init; }
    public UserText? Error { get; private init; }
    public UserText? Warning { get; private init; }

    public bool Ok => Error is null;

    public static Parsed<T> Success(T value, UserText? warning = null) => new() { Value = value, Warning = warning };

    public static Parsed<T> Fail(UserText error) => new() { Error = error };

    public static Parsed<T> Fail(string indonesian, string english) => Fail(new UserText(indonesian, english));
}
