using System.CommandLine;
using Microsoft.Extensions.Options;
using PLKumkm.Bot.Storage;
using PLKumkm.Bot.Storage.Protection;

namespace PLKumkm.Bot.Hosting.Verbs;

/// <summary><c>keys rotate [--new-key-file FILE]</c>: re-encrypts the personal data under a new key (see <see cref="KeyRotation"/>).</summary>
internal static class KeysVerb
{
    public static Command Create()
    {
        var newKeyFile = new Option<string?>("--new-key-file")
        {
            Description = "The new key (base64 of 32 bytes; created there when missing). Default: a new key replaces the key file",
        };
        var rotate = new Command("rotate", "Re-encrypt every NIK and phone under a new key (stop the bot first)") { newKeyFile };
        rotate.TreatUnmatchedTokensAsErrors = false;
        rotate.SetAction((result, ct) => VerbRunner.RunAsync(result, [.. result.UnmatchedTokens], async (services, output, token) =>
        {
            var storage = services.GetRequiredService<IOptions<StorageOptions>>().Value.ConnectionString;
            var model = services.GetRequiredService<BotDbContext>().Model;
            var rotation = new KeyRotation(services.GetRequiredService<ConfiguredKey>(), storage, model, services.GetRequiredService<TimeProvider>());
            var done = await Task.Run(() => rotation.Rotate(result.GetValue(newKeyFile), token), token);
            await output.WriteLineAsync(FormattableString.Invariant(
                $"Key rotated: {done.Values} values re-encrypted or re-hashed, key id {done.OldKeyId} → {done.NewKeyId}; the key is now {done.KeyFile}"));
            if (result.GetValue(newKeyFile) is not null)
            {
                await output.WriteLineAsync($"Configure {DataProtectionOptions.Section}:KeyFile={done.KeyFile} before starting the bot.");
            }
        }, ct, initialize: false));
        return new Command("keys", "The data protection key") { rotate };
    }
}
