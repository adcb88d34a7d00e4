using System.Data.Common;
using Microsoft.EntityFrameworkCore.Metadata;
using PLKumkm.Bot.Core;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Records.Import;

/// <summary>
/// Registration numbers for the bulk import: the numbers <see cref="RegistrationNumbers.NextAsync"/> would hand out one
/// by one, with each regency's sequence read when a transaction begins, continued in memory, and saved before it commits.
/// </summary>
internal sealed class BulkSequences(IModel model)
{
    private readonly EntityTable<RegistrationSequence> _table = new(model);
    private readonly Dictionary<string, long> _last = new(StringComparer.Ordinal);
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    public string Next(RecordKind kind, string regencyCode)
    {
        var prefix = RegistrationNumbers.Prefix(kind, regencyCode);
        var next = _last.GetValueOrDefault(prefix) + 1;
        _last[prefix] = next;
        _used.Add(prefix);
        return RegistrationNumbers.Format(prefix, next);
    }

    public void Load(DbConnection connection, DbTransaction transaction)
    {
        _last.Clear();
        _used.Clear();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT {Column(nameof(RegistrationSequence.Prefix))}, {Column(nameof(RegistrationSequence.LastValue))} FROM {Quote(_table.Name)}";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            _last[reader.GetString(0)] = reader.GetInt64(1);
        }
    }

    /// <summary>Writes the sequences this transaction used.</summary>
    public void Save(DbConnection connection, DbTransaction transaction)
    {
        var (prefix, last) = (Column(nameof(RegistrationSequence.Prefix)), Column(nameof(RegistrationSequence.LastValue)));
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO {Quote(_table.Name)} ({prefix}, {last}) VALUES (@prefix, @last) ON CONFLICT ({prefix}) DO UPDATE SET {last} = excluded.{last}";
        foreach (var used in _used)
        {
            command.Parameters.Clear();
            Add(command, "@prefix", used);
            Add(command, "@last", _last[used]);
            command.ExecuteNonQuery();
        }

        _used.Clear();
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private string Column(string property) => Quote(_table[property].Name);

    private static string Quote(string name) => EntityTable<RegistrationSequence>.Quote(name);
}
