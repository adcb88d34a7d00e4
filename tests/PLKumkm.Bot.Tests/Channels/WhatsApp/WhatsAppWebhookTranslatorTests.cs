using System.Text;
using System.Text.Json.Nodes;
using PLKumkm.Bot.Channels.WhatsApp;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Tests.Fakes;
using W = PLKumkm.Bot.Tests.Fakes.FakeWhatsAppWebhooks;

namespace PLKumkm.Bot.Tests.Channels.WhatsApp;

public sealed class WhatsAppWebhookTranslatorTests
{
    private const string From = "6281234567890";
    private static readonly DateTimeOffset Received = new(2026, 11, 27, 3, 0, 0, TimeSpan.Zero);

    private static InboundMessage One(JsonObject message, string? name = "Siti Aminah") =>
        Assert.Single(WhatsAppWebhookTranslator.Translate(W.Body(message, name), Received, FakeGraphApi.DefaultPhoneNumberId).Messages);

    [Fact]
    public void Text_becomes_text_with_the_sender_as_chat_name_and_proven_phone()
    {
        var message = W.Text(From, "Halo *bot*", id: "wamid.ABC");
        message["timestamp"] = "1694427240";
        var inbound = One(message);

        Assert.Equal("whatsapp", inbound.Channel);
        Assert.Equal(From, inbound.ChatId);
        Assert.Equal("whatsapp:wamid.ABC", inbound.UpdateKey);
        Assert.Equal("whatsapp:" + From, inbound.Address);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1694427240), inbound.SentAt);
        Assert.Equal(new TextInput("Halo *bot*"), inbound.Content);
        Assert.Equal("Siti Aminah", inbound.SenderName);
        Assert.Equal("+" + From, inbound.SenderPhone);
    }

    [Fact]
    public void Statuses_and_value_errors_of_every_entry_and_change_are_read_with_their_codes()
    {
        var body = W.Entries(
            [W.StatusesValue(W.Status(From, "delivered", "wamid.A"), W.FailedStatus(From, "wamid.B", 131026, "Message undeliverable"))],
            [W.ErrorsValue(W.Error(130429, "Rate limit hit")), W.StatusesValue(W.Status(From, "failed", "wamid.C"))]);
        var result = WhatsAppWebhookTranslator.Translate(body, Received, FakeGraphApi.DefaultPhoneNumberId);

        Assert.Equal(
            [new("wamid.A", "delivered", From, null), new("wamid.B", "failed", From, 131026), new WhatsAppWebhookTranslator.Status("wamid.C", "failed", From, null)],
            result.StatusReports);
        Assert.Equal([130429], result.ErrorCodes);
        Assert.Empty(result.Messages);
    }

    [Theory]
    [InlineData(130429, nameof(DeliveryFailure.Retry))]
    [InlineData(131056, nameof(DeliveryFailure.Retry))]
    [InlineData(131000, nameof(DeliveryFailure.Retry))]
    [InlineData(131016, nameof(DeliveryFailure.Retry))]
    [InlineData(133004, nameof(DeliveryFailure.Retry))]
    [InlineData(131026, nameof(DeliveryFailure.Unreachable))]
    [InlineData(130472, nameof(DeliveryFailure.Permanent))]
    [InlineData(131047, nameof(DeliveryFailure.Permanent))]
    [InlineData(131051, nameof(DeliveryFailure.Permanent))]
    [InlineData(132001, nameof(DeliveryFailure.Permanent))]
    public void Error_codes_say_whether_to_retry_give_up_the_message_or_the_address(int code, string expected) =>
        Assert.Equal(expected, WhatsAppErrorCodes.Classify(code).ToString());

    [Fact]
    public void Reply_button_and_list_row_taps_become_choices_with_the_option_id() =>
        Assert.Equal(
            [new ChoiceInput("jenis_kelamin=P"), new ChoiceInput("kbli=G")],
            new[] { One(W.ButtonReply(From, "jenis_kelamin=P", "Perempuan")), One(W.ListReply(From, "kbli=G", "Perdagangan")) }
                .Select(m => m.Content));

    [Fact]
    public void A_template_quick_reply_becomes_a_choice_with_its_payload() =>
        Assert.Equal(new ChoiceInput("/start"), One(W.TemplateButton(From, "/start", "Mulai")).Content);

    [Fact]
    public void Location_image_and_contacts_are_read()
    {
        Assert.Equal(new LocationInput(-4.1291, 104.1668), One(W.Location(From, -4.1291, 104.1668)).Content);
        Assert.Equal(new PhotoInput("MEDIA-1", "tampak depan"), One(W.Image(From, "MEDIA-1", "tampak depan")).Content);
        Assert.Equal(new PhotoInput("MEDIA-2"), One(W.Image(From, "MEDIA-2")).Content);
    }

    [Fact]
    public void A_contact_card_never_proves_the_senders_number()
    {
        // A card's wa_id equal to the sender's does not make its phone text theirs: anyone can type a card.
        Assert.Equal(new ContactInput("+62 811-0000-0004", false), One(W.Contacts(From, "+62 811-0000-0004", From)).Content);
        Assert.Equal(new ContactInput("+62 812-3456-7890", false), One(W.Contacts(From, "+62 812-3456-7890", From)).Content);
        Assert.Equal(new ContactInput("+62 813-0000-1111", false), One(W.Contacts(From, "+62 813-0000-1111", "6281300001111")).Content);
        Assert.Equal(new ContactInput("0813 0000 1111", false), One(W.Contacts(From, "0813 0000 1111", contactWaId: null)).Content);
    }

    [Fact]
    public void A_group_message_belongs_to_the_group_and_proves_no_phone()
    {
        var message = W.Text(From, "progress OKU");
        message["group_id"] = "Y2FwaV9ncm91cDpFWEFNUExF";

        var inbound = One(message);

        Assert.True(inbound.IsGroup);
        Assert.Equal("g.Y2FwaV9ncm91cDpFWEFNUExF", inbound.ChatId);
        Assert.Null(inbound.SenderPhone);
        Assert.False(One(W.Text(From, "progress OKU")).IsGroup);
    }

    [Theory]
    [InlineData("👍")]
    [InlineData("")]
    [InlineData(null)]
    public void A_reaction_or_its_removal_gets_no_answer(string? emoji)
    {
        var reaction = new JsonObject { ["message_id"] = "wamid.BOT1" };
        if (emoji is not null)
        {
            reaction["emoji"] = emoji;
        }

        var result = WhatsAppWebhookTranslator.Translate(W.Body(W.Message(From, null, "reaction", reaction)), Received);

        Assert.Empty(result.Messages);
        Assert.Equal(1, result.Ignored);
    }

    [Fact]
    public void A_message_carries_its_wamid_and_an_edit_names_the_message_it_changes()
    {
        Assert.Equal("wamid.ORIG", One(W.Text(From, "Warung Bu Sity", id: "wamid.ORIG")).MessageId);

        var edit = One(W.Edit(From, "wamid.ORIG", "Warung Bu Siti", id: "wamid.EDIT"));

        Assert.Equal(new TextInput("Warung Bu Siti"), edit.Content);
        Assert.Equal("wamid.ORIG", edit.EditsMessageId);
        Assert.Equal("wamid.ORIG", edit.MessageId);
        Assert.Equal("whatsapp:wamid.EDIT", edit.UpdateKey);
        Assert.Equal("+" + From, edit.SenderPhone);
    }

    [Fact]
    public void An_edit_without_a_readable_new_content_gets_no_answer()
    {
        var noOriginal = W.Edit(From, "wamid.ORIG", "x");
        noOriginal["edit"]!.AsObject().Remove("original_message_id");
        var sticker = W.Edit(From, "wamid.ORIG", "x");
        sticker["edit"]!["message"] = new JsonObject { ["type"] = "sticker", ["sticker"] = new JsonObject { ["id"] = "s1" } };

        var result = WhatsAppWebhookTranslator.Translate(W.Body([noOriginal, sticker]), Received);

        Assert.Empty(result.Messages);
        Assert.Equal(2, result.Ignored);
    }

    [Fact]
    public void Every_entry_and_change_of_one_body_is_read_and_statuses_with_errors_are_counted()
    {
        var body = W.MultiBody(
            [W.Text(From, "satu"), W.Reaction(From, "wamid.BOT1", "")],
            [W.Text("6281111111111", "dua")]);

        var result = WhatsAppWebhookTranslator.Translate(body, Received);

        Assert.Equal(["satu", "dua"], result.Messages.Select(m => ((TextInput)m.Content).Text));
        Assert.Equal(1, result.Ignored);
        Assert.Equal(1, WhatsAppWebhookTranslator.Translate(W.StatusBody(W.FailedStatus(From, "wamid.S1", 131047)), Received).Statuses);
        Assert.Equal(1, WhatsAppWebhookTranslator.Translate(W.ErrorsBody(W.Error(130429, "Rate limit hit")), Received).Errors);
    }

    [Fact]
    public void A_sender_without_a_phone_number_is_their_business_scoped_user_id_and_proves_no_number()
    {
        var message = Assert.Single(WhatsAppWebhookTranslator.Translate(W.Body(W.WithoutPhone(W.Text(From, "Halo"), "ID.1502576394655843")), Received).Messages);

        Assert.Equal("ID.1502576394655843", message.ChatId);
        Assert.Null(message.SenderPhone);
        Assert.True(message.PhoneWithheld);
        Assert.Equal("Halo", ((TextInput)message.Content).Text);
    }

    [Fact]
    public void Without_from_user_id_the_single_contact_s_user_id_names_the_sender()
    {
        var body = JsonNode.Parse(W.Body(W.WithoutPhone(W.Text(From, "Halo"), "ID.77")))!;
        var value = body["entry"]![0]!["changes"]![0]!["value"]!;
        value["messages"]![0]!.AsObject().Remove("from_user_id");
        value["contacts"] = new JsonArray(new JsonObject { ["profile"] = new JsonObject { ["name"] = "Sari" }, ["user_id"] = "ID.77" });

        var message = Assert.Single(WhatsAppWebhookTranslator.Translate(body.ToJsonString(), Received).Messages);

        Assert.Equal(("ID.77", "Sari"), (message.ChatId, message.SenderName));
    }

    [Fact]
    public void A_changed_number_moves_the_chat_and_a_changed_user_id_too()
    {
        var changed = W.Message(From, null, "system", new JsonObject
        {
            ["body"] = "User Siti changed from 6281234567890 to 6285712345678", ["wa_id"] = "6285712345678", ["type"] = "user_changed_number",
        });
        var moved = Assert.Single(WhatsAppWebhookTranslator.Translate(W.Body(changed), Received).Messages);
        Assert.Equal((From, new ChatMovedInput("6285712345678", "+6285712345678")), (moved.ChatId, moved.Content));

        var newId = W.WithoutPhone(W.Message(From, null, "system", new JsonObject
        {
            ["body"] = "User changed id", ["type"] = "user_changed_user_id", ["previous_user_id"] = "ID.1", ["user_id"] = "ID.2",
        }), "ID.2");
        var movedId = Assert.Single(WhatsAppWebhookTranslator.Translate(W.Body(newId), Received).Messages);
        Assert.Equal(("ID.1", new ChatMovedInput("ID.2", null)), (movedId.ChatId, movedId.Content));
    }

    [Fact]
    public void A_deleted_message_gets_no_answer() =>
        Assert.Empty(WhatsAppWebhookTranslator.Translate(W.Body(W.Message(From, null, "revoke", new JsonObject { ["original_message_id"] = "wamid.X" })), Received).Messages);

    [Theory]
    [InlineData("audio")]
    [InlineData("video")]
    [InlineData("sticker")]
    [InlineData("document")]
    [InlineData("unsupported")]
    [InlineData("order")]
    public void Other_kinds_are_answered_politely_as_unsupported(string type) =>
        Assert.Equal(new UnsupportedInput(type), One(W.Other(From, type)).Content);

    [Fact]
    public void Statuses_and_system_notices_are_counted_not_answered()
    {
        var statuses = WhatsAppWebhookTranslator.Translate(
            W.StatusBody(W.Status(From, "delivered"), W.Status(From, "sent"), W.Status(From, "read")), Received);
        Assert.Empty(statuses.Messages);
        Assert.Equal(3, statuses.Statuses);

        var system = WhatsAppWebhookTranslator.Translate(W.Body(W.Message(From, null, "system", new JsonObject { ["body"] = "changed number" })), Received);
        Assert.Empty(system.Messages);
        Assert.Equal(1, system.Ignored);
    }

    [Fact]
    public void Several_messages_in_one_body_keep_their_order_and_each_sender_their_name()
    {
        var body = W.Body(
            [W.Text(From, "satu"), W.Text("6289999999999", "lain"), W.Text(From, "dua")],
            new Dictionary<string, string> { [From] = "Siti", ["6289999999999"] = "Budi" });
        var messages = WhatsAppWebhookTranslator.Translate(body, Received).Messages;

        Assert.Equal(["satu", "lain", "dua"], messages.Select(m => ((TextInput)m.Content).Text));
        Assert.Equal(["Siti", "Budi", "Siti"], messages.Select(m => m.SenderName));
        Assert.Equal(3, messages.Select(m => m.UpdateKey).Distinct().Count());
    }

    [Fact]
    public void Changes_for_another_business_number_are_not_ours()
    {
        var body = W.Body([W.Text(From, "hai")], phoneNumberId: "999000");
        Assert.Empty(WhatsAppWebhookTranslator.Translate(body, Received, FakeGraphApi.DefaultPhoneNumberId).Messages);
        Assert.Single(WhatsAppWebhookTranslator.Translate(body, Received, phoneNumberId: null).Messages);
    }

    [Fact]
    public void A_message_without_a_phone_sender_or_timestamp_is_handled()
    {
        // Users known only by a business-scoped id (no phone number) cannot be answered by number: skipped.
        var body = W.Body([W.Text(From, "y")]);
        var withoutPhone = body.Replace($"\"from\":\"{From}\"", "\"user_id\":\"ID.1\"", StringComparison.Ordinal);
        Assert.NotEqual(body, withoutPhone);
        Assert.Empty(WhatsAppWebhookTranslator.Translate(withoutPhone, Received).Messages);

        var noTime = W.Text(From, "z");
        noTime.Remove("timestamp");
        Assert.Equal(Received, One(noTime).SentAt);
    }

    [Fact]
    public void The_signature_is_checked_over_the_exact_bytes()
    {
        var body = Encoding.UTF8.GetBytes(W.Body(W.Text(From, "Tolong dicek: é, ü, 😀")));
        var good = W.Signature(body);

        Assert.True(WhatsAppSignature.IsValid(body, good, W.AppSecret));
        Assert.True(WhatsAppSignature.IsValid(body, good.ToUpperInvariant().Replace("SHA256=", "sha256="), W.AppSecret));
        Assert.Equal(good, WhatsAppSignature.Sign(body, W.AppSecret));
        Assert.False(WhatsAppSignature.IsValid(body, W.Signature(body, "another-secret"), W.AppSecret));
        Assert.False(WhatsAppSignature.IsValid([.. body, (byte)' '], good, W.AppSecret));
        Assert.False(WhatsAppSignature.IsValid(body, good[7..], W.AppSecret));
        Assert.False(WhatsAppSignature.IsValid(body, "sha256=zz" + good[9..], W.AppSecret));
        Assert.False(WhatsAppSignature.IsValid(body, "sha256=", W.AppSecret));
        Assert.False(WhatsAppSignature.IsValid(body, null, W.AppSecret));
    }
}
