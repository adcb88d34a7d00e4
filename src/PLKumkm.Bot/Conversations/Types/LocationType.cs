using System.Globalization;
using PLKumkm.Bot.Conversations.Definition;
using PLKumkm.Bot.Conversations.Engine;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Records;
using PLKumkm.Bot.Validation;

namespace PLKumkm.Bot.Conversations.Types;

/// <summary>A point, shared from the map (the prompt asks for one) or typed <c>lat,lon</c>; stored it fills <c>lat</c> and <c>lon</c>.</summary>
internal sealed class LocationType : QuestionTypeBase
{
    public override string Name => QuestionType.Location;

    public override string? StoredId => FieldIds.Location;

    protected override AnswerReading ReadCleaned(Question question, string text, QuestionContext context) =>
        FromParsed(CoordinateParser.Parse(text), Format);

    protected override AnswerReading AnswerLocation(LocationInput location, ChatTurn turn) =>
        FromParsed(CoordinateParser.Check(location.Latitude, location.Longitude), Format);

    public override OutboundMessage Prompt(Question question, OutboundMessage asked, ChatTurn turn) =>
        asked with { Request = ReplyRequest.Location };

    public override string Display(Question question, string value, QuestionContext context) =>
        value.Replace(",", ", ", StringComparison.Ordinal);

    private static string Format(GeoPoint p) =>
        string.Create(CultureInfo.InvariantCulture, $"{p.Latitude:0.######},{p.Longitude:0.######}");
}
