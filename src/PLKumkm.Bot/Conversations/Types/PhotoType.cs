using PLKumkm.Bot.Conversations.Definition;
using PLKumkm.Bot.Conversations.Engine;
using PLKumkm.Bot.Messaging;

namespace PLKumkm.Bot.Conversations.Types;

/// <summary>
/// A photo sent in the chat: its answer is the stored file's reference, which the pipeline fetched before the engine
/// ran (no I/O here). A photo that could not be kept is refused with the reason, and the question asked again.
/// Nothing typed is a photo.
/// </summary>
internal sealed class PhotoType : QuestionTypeBase
{
    public override string Name => QuestionType.Photo;

    public override AnswerReading Read(Question question, string text, QuestionContext context) => new AnswerReading.Rejected(EngineTexts.PhotoNeeded);

    protected override AnswerReading ReadCleaned(Question question, string text, QuestionContext context) => Read(question, text, context);

    protected override AnswerReading AnswerPhoto(PhotoInput photo, ChatTurn turn) => photo.Problem switch
    {
        null => new AnswerReading.Accepted(photo.FileRef),
        { Kind: MediaProblemKind.TooLarge } problem => new AnswerReading.Rejected(EngineTexts.PhotoTooLarge.Format(Megabytes(problem.LimitBytes))),
        { Kind: MediaProblemKind.NotAPhoto } => new AnswerReading.Rejected(EngineTexts.PhotoNotAnImage),
        _ => new AnswerReading.Rejected(EngineTexts.PhotoNotReceived),
    };

    private static string Megabytes(long bytes) =>
        (bytes / (1024.0 * 1024.0)).ToString(bytes % (1024 * 1024) == 0 ? "0" : "0.#", System.Globalization.CultureInfo.InvariantCulture);

    protected override AnswerReading AnswerButton(Question question, string value, ChatTurn turn) => new AnswerReading.Rejected(EngineTexts.PhotoNeeded);

    public override string Display(Question question, string value, QuestionContext context) => EngineTexts.PhotoAttached.In(context.Language);
}
