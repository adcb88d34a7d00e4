using Microsoft.EntityFrameworkCore;
using PLKumkm.Bot.Reminders;

namespace PLKumkm.Bot.Tests.Reminders;

/// <summary>
/// The reminder pass runs every few minutes over every session the campaign ever had (millions once it is national):
/// it must find the open, waiting forms by the sessions' partial index on open forms, not by reading them all.
/// </summary>
public sealed class ReminderQueryPlanTests
{
#if !POSTGRES
    [Fact]
    public async Task Waiting_forms_are_found_by_the_sessions_index_not_a_scan()
    {
        using var database = new TestDatabase();
        await using var db = database.Open();
        await db.Database.MigrateAsync();
        var now = new DateTimeOffset(2022, 9, 12, 3, 0, 0, TimeSpan.Zero);
        var sql = ReminderSender.WaitingForms(db, now.AddHours(-22), now.AddHours(-72)).ToQueryString();

        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        // ToQueryString declares the parameters first (".param set …"); the plan only needs the statement.
        command.CommandText = "EXPLAIN QUERY PLAN " + sql[sql.IndexOf("SELECT", StringComparison.Ordinal)..];
        foreach (var name in System.Text.RegularExpressions.Regex.Matches(sql, @"@\w+").Select(m => m.Value).Distinct())
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = 0L;
            command.Parameters.Add(parameter);
        }

        var plan = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(3));
            }
        }

        Assert.True(plan.Count > 0, sql);
        Assert.True(plan.Any(step => step.Contains("IX_sessions_waiting", StringComparison.Ordinal)), string.Join(" / ", plan) + "\n" + sql);
        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN", StringComparison.Ordinal));
    }
#endif
}
