using System.Globalization;
using NpgsqlTypes;

namespace PLKumkm.Bot.Records.Import.PostgreSql;

/// <summary>The PostgreSQL type of a stored value (the provider type of an EF column), and the value in that type's CLR form.</summary>
internal static class PostgresTypes
{
    public static NpgsqlDbType Of(Type providerType) => (Nullable.GetUnderlyingType(providerType) ?? providerType) switch
    {
        var t when t == typeof(string) => NpgsqlDbType.Text,
        var t when t == typeof(long) => NpgsqlDbType.Bigint,
        var t when t == typeof(int) => NpgsqlDbType.Integer,
        var t when t == typeof(short) => NpgsqlDbType.Smallint,
        var t when t == typeof(bool) => NpgsqlDbType.Boolean,
        var t when t == typeof(double) => NpgsqlDbType.Double,
        var t when t == typeof(float) => NpgsqlDbType.Real,
        var t when t == typeof(DateOnly) => NpgsqlDbType.Date,
        var t when t == typeof(byte[]) => NpgsqlDbType.Bytea,
        var t => throw new ArgumentException($"no PostgreSQL type for {t.Name}", nameof(providerType)),
    };

    public static NpgsqlDbType Of<T>(EntityTable<T>.Column column)
        where T : class =>
        Of(column.Converter?.ProviderClrType ?? column.Property.ClrType);

    /// <summary><paramref name="value"/> as the CLR type Npgsql writes for <paramref name="type"/> (an int for a bigint column becomes a long).</summary>
    public static object Value(NpgsqlDbType type, object? value) => value switch
    {
        null or DBNull => DBNull.Value,
        _ when type == NpgsqlDbType.Bigint && value is not long => Convert.ToInt64(value, CultureInfo.InvariantCulture),
        _ when type == NpgsqlDbType.Integer && value is not int => Convert.ToInt32(value, CultureInfo.InvariantCulture),
        _ when type == NpgsqlDbType.Smallint && value is not short => Convert.ToInt16(value, CultureInfo.InvariantCulture),
        _ when type == NpgsqlDbType.Double && value is not double => Convert.ToDouble(value, CultureInfo.InvariantCulture),
        _ => value,
    };
}
