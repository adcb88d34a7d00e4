using PLKumkm.Bot.Messaging;

namespace PLKumkm.Bot.Media;

/// <summary>A received file the store does not keep: too large or not a photo. Not a failure: the person is told.</summary>
internal sealed class MediaRefusedException(MediaProblem problem) : Exception(problem.ToString())
{
    public MediaProblem Problem { get; } = problem;
}
