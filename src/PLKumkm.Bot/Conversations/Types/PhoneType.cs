using PLKumkm.Bot.Conversations.Definition;
using PLKumkm.Bot.Conversations.Engine;
using PLKumkm.Bot.Core;
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

    protected override AnswerReading AnswerButton(Question question, string value, ChatTurn turn) =>
        value == OwnNumber && turn.Session.ProvenPhone is { } own
            ? new AnswerReading.Accepted(own)
            : new AnswerReading.Rejected(EngineTexts.StaleButton);

    /// <summary>
    /// The channel's own way of sharing a contact, and a number the channel already proves one tap away (WhatsApp
    /// has no share-contact button, and typing a number the bot has is a chore). A channel that can show only one
    /// (Telegram's share button is itself one tap) shows the share request.
    /// </summary>
    public override OutboundMessage Prompt(Question question, OutboundMessage asked, ChatTurn turn) =>
        turn.Session.ProvenPhone is { } own
            ? asked with
            {
                Text = asked.Text + "\n" + UseOwnHint.In(turn.Language),
                Options = [new ReplyOption("📱 " + own, question.Id + "=" + OwnNumber)],
                Request = ReplyRequest.Contact,
            }
            : asked with { Request = ReplyRequest.Contact };

    private const string OwnNumber = "own";

    private static readonly UserText UseOwnHint = new(
        "Tekan tombol di bawah untuk memakai nomor Anda ini, atau ketik nomor lain.",
        "Press the button below to use this number of yours, or type another one.");
}
