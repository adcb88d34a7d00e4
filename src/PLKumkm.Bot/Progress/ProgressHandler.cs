using PLKumkm.Bot.Core;
using PLKumkm.Bot.Messaging;

namespace PLKumkm.Bot.Progress;

/// <summary>
/// <c>progress</c>/<c>progres</c>/<c>capaian</c>/<c>peringkat</c>/<c>grafik</c> &lt;region&gt;, for anyone (the
/// figures are public aggregates), even in the middle of a questionnaire, which then simply goes on.
/// </summary>
/// <remarks>
/// Inside a questionnaire a plain word could be an answer ("Grafik Printing" as a business name), so
/// there the text is only taken when the rest names a region; a /command is always taken.
/// </remarks>
internal sealed class ProgressHandler(ProgressAnswerer answerer) : IMessageHandler
{
    public async Task<bool> TryHandleAsync(UpdateContext context, CancellationToken cancellationToken)
    {
        var request = context.Command is { } command ? ProgressRequest.For(command.Name, command.Arguments) : ProgressRequest.Parse(context.Text);
        if (request is null)
        {
            return false;
        }

        var session = context.Session;
        var answer = await answerer.AnswerAsync(request, context.Language, cancellationToken);
        if (session is not null && !request.IsCommand && !answer.NamedRegion)
        {
            return false;
        }

        var message = answer.Message;
        if (session is not null)
        {
            message = message with
            {
                Text = message.Text + "\n\n" + new UserText(
                    "(Pendaftaran Anda tetap tersimpan: lanjutkan dengan menjawab pertanyaan terakhir.)",
                    "(Your registration is kept: carry on by answering the last question.)").In(context.Language),
            };
        }

        context.Reply(message);
        return true;
    }
}
