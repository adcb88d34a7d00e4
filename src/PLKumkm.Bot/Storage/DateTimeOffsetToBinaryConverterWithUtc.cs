using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace PLKumkm.Bot.Storage;

/// <summary>
/// Stores instants as UTC ticks (an INTEGER column) so SQLite can index, compare and sort them;
/// the offset is not kept (the region decides how a time is shown).
/// </summary>
internal sealed class DateTimeOffsetToBinaryConverterWithUtc() : ValueConverter<DateTimeOffset, long>(
    v => v.UtcTicks,
    v => new DateTimeOffset(v, TimeSpan.Zero));
