using Microsoft.Extensions.Options;

namespace PLKumkm.Bot.Storage.Protection;

/// <summary>Names what is wrong with the key settings (the generic message of <c>Validate</c> would not).</summary>
internal sealed class DataProtectionOptionsValidator : IValidateOptions<DataProtectionOptions>
{
    public ValidateOptionsResult Validate(string? name, DataProtectionOptions options) =>
        options.Problem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}
