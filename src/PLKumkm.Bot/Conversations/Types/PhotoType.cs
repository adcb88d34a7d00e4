using PLKumkm.Bot.Conversations.Definition;
using PLKumkm.Bot.Conversations.Engine;
using PLKumkm.Bot.Messaging;

namespace PLKumkm.Bot.Conversations.Types;

/// <summary>A photo sent in the chat, stored as the channel's file reference; nothing typed is a photo.</summary>
internal sealed class PhotoType : QuestionTypeBase
{
    public override string Name => QuestionType.Photo;

    public override AnswerReading Read(Question question, string text, QuestionContext context) => new AnswerReading.Rejected(EngineTexts.PhotoNeeded);

    protected override AnswerReading ReadCleaned(Question question, string text, QuestionContext context) => Read(question, text, context);

    protected override AnswerReading AnswerPhoto(PhotoInput photo, ChatTurn turn) => new AnswerReading.Accepted(photo.FileRef);

    protected override AnswerReading AnswerButton(Question question, string value, ChatTurn turn) => new AnswerReading.Rejected(EngineTexts.PhotoNeeded);

    public override string Display(Question question, string value, QuestionContext context) => EngineTexts.PhotoAttached.In(context.Language);
}
