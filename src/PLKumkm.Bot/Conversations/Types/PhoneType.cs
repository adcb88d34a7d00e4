using PLKumkm.Bot.Conversations.Definition;
using PLKumkm.Bot.Conversations.Engine;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Validation;

namespace PLKumkm.Bot.Conversations.Types;

/// <summary>A mobile number, typed or shared as a contact (the prompt asks for one), stored E.164.</summary>
internal sealed class PhoneType : QuestionTypeBase
{
    public override string Name => QuestionType.Phone;

    protected override AnswerReading ReadCleaned(Question question, string text, QuestionContext context) =>
        FromParsed(PhoneParser.Parse(text), v => v);

    protected override AnswerReading AnswerContact(ContactInput contact, ChatTurn turn) =>
        FromParsed(PhoneParser.Parse(contact.PhoneNumber), v => v);

    public override OutboundMessage Prompt(Question question, OutboundMessage asked, ChatTurn turn) =>
        asked with { Request = ReplyRequest.Contact };
}
