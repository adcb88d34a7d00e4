using System.Globalization;

namespace PLKumkm.Bot.LoadTest;

/// <summary>Command-line options: <c>&lt;mode&gt; [--name value]…</c>. Every run is bounded in count and time.</summary>
internal sealed class LoadOptions
{
    public const string Usage = """
        usage: PLKumkm.Bot.LoadTest <mode> [options]
          modes: load | echo | memory | fault | throttle | flood | all
                 postgres (load on SQLite, on PostgreSQL with one instance and with two behind webhooks, then the fault runs
                           with two bot processes on one PostgreSQL, webhooks spread over both and long polling; needs --postgres)
                 pipeline (profiling: the bot's own cost per update, no network)
          --duration S        closed-loop measuring window (default 20)
          --warmup S          warm-up before measuring (default 120: the JIT is still tiering methods up after one minute)
          --users N           simulated users in the closed loop (default 1000)
          --rate R            open-loop rate, updates/s (default 1000)
          --open-duration S   open-loop duration (default 15)
          --conversations N   open conversations for the memory mode (default 100000)
          --kills N           hard kills in the fault mode (default 5)
          --flood-posts N     concurrent forged webhook posts per round in the flood mode (default 120)
          --fault-users N     users in the fault and throttle modes (default 300)
          --fault-duration S  load time in the fault and throttle modes (default 30)
          --p429 P            throttle: share of sendMessage answered 429 (default 0.10)
          --p5xx P            throttle: share of sendMessage answered 5xx (default 0.05)
          --visitor-share P   share of users who only ask for help (default 0.1)
          --enumerator-share P  share of users who are enumerators sending quick entries (default 0.1)
          --official-share P  share of users asking "progress OKU" (default 0.1)
          --bot-dll PATH      bot to start as a process in the load, memory and fault modes (default: the build in this repository)
          --with-progress     all: also run benchmarks/PLKumkm.Bot.Benchmarks (progress at 1M/10M records, import; long)
          --bot-arg SETTING   flood mode: a setting for the bot process (e.g. --bot-arg --Webhooks:MaxUnauthenticatedReads=8)
          --postgres CONN     postgres mode: an admin connection string (default: $PLKUMKM_TEST_POSTGRES); a database is made and dropped
          --on-postgres       load: on the --postgres server instead of SQLite (one load of the postgres mode alone)
          --instances N       load with --on-postgres: bot processes on the one database (default 1)
          --webhook           load, fault and all: updates posted to the bot's webhook by the fake (as Telegram does) instead of long polling
          --keep              keep the temporary databases
          --no-echo           load mode without the echo baseline (profiling)
          --per-step          pipeline mode: cost of each questionnaire step (users must be a multiple of 100)
          --one-by-one        pipeline mode: each update in its own transaction (no group commit), for comparison
          --smoke             tiny numbers for a few-second check (no speed goals)
        """;

    public string Mode { get; private set; } = "";
    public double Duration { get; private set; } = 20;
    public double Warmup { get; private set; } = 120;
    public int Users { get; private set; } = 1000;

    /// <summary>Updates the bot must have answered before the warm-up's clock starts (smoke runs: a minimum of real work).</summary>
    public int WarmupAnswers { get; private set; }
    public double Rate { get; private set; } = 1000;
    public double OpenDuration { get; private set; } = 15;
    public int Conversations { get; private set; } = 100_000;
    public int Kills { get; private set; } = 5;
    public int FloodPosts { get; private set; } = 120;

    /// <summary>Settings passed on to the bot process (<c>--bot-arg --Key=value</c>), for experiments.</summary>
    public List<string> ExtraBotArgs { get; } = [];
    public int FaultUsers { get; private set; } = 300;
    public double FaultDuration { get; private set; } = 30;
    public double P429 { get; private set; } = 0.10;
    public double P5xx { get; private set; } = 0.05;
    public string? BotDll { get; private set; }
    public bool Keep { get; private set; }
    public string? Postgres { get; private set; } = Environment.GetEnvironmentVariable("PLKUMKM_TEST_POSTGRES") is { Length: > 0 } admin ? admin : null;
    public bool NoEcho { get; private set; }
    public Targets.Delivery Delivery { get; private set; } = Targets.Delivery.Polling;
    public bool WithProgress { get; private set; }
    public bool PerStep { get; private set; }
    public bool OneByOne { get; private set; }

    public bool OnPostgres { get; private set; }

    public int Instances { get; private set; } = 1;
    public bool Smoke { get; private set; }
    public double VisitorShare { get; private set; } = 0.1;
    public double EnumeratorShare { get; private set; } = 0.1;
    public double OfficialShare { get; private set; } = 0.1;

    public static readonly string[] Modes = ["load", "echo", "memory", "fault", "throttle", "flood", "all", "pipeline", "postgres"];

    public static LoadOptions Parse(string[] args)
    {
        if (args.Length == 0 || !Modes.Contains(args[0], StringComparer.Ordinal))
        {
            throw new ArgumentException(args.Length == 0 ? "no mode given" : $"unknown mode '{args[0]}'");
        }

        var o = new LoadOptions { Mode = args[0] };
        for (var i = 1; i < args.Length; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{name} needs a value");
            double Number() => double.TryParse(Value(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v >= 0
                ? v
                : throw new ArgumentException($"{name} needs a non-negative number");
            switch (name)
            {
                case "--duration": o.Duration = Number(); break;
                case "--warmup": o.Warmup = Number(); break;
                case "--users": o.Users = Math.Max(1, (int)Number()); break;
                case "--rate": o.Rate = Number(); break;
                case "--open-duration": o.OpenDuration = Number(); break;
                case "--conversations": o.Conversations = Math.Max(1, (int)Number()); break;
                case "--kills": o.Kills = (int)Number(); break;
                case "--flood-posts": o.FloodPosts = Math.Clamp((int)Number(), 1, 2_000); break;
                case "--fault-users": o.FaultUsers = Math.Max(1, (int)Number()); break;
                case "--fault-duration": o.FaultDuration = Number(); break;
                case "--p429": o.P429 = Number(); break;
                case "--p5xx": o.P5xx = Number(); break;
                case "--visitor-share": o.VisitorShare = Math.Min(1, Number()); break;
                case "--enumerator-share": o.EnumeratorShare = Math.Min(1, Number()); break;
                case "--official-share": o.OfficialShare = Math.Min(1, Number()); break;
                case "--bot-dll": o.BotDll = Value(); break;
                case "--bot-arg": o.ExtraBotArgs.Add(Value()); break;
                case "--keep": o.Keep = true; break;
                case "--webhook": o.Delivery = Targets.Delivery.Webhook; break;
                case "--postgres": o.Postgres = Value(); break;
                case "--no-echo": o.NoEcho = true; break;
                case "--on-postgres": o.OnPostgres = true; break;
                case "--instances": o.Instances = Math.Clamp((int)Number(), 1, 8); break;
                case "--with-progress": o.WithProgress = true; break;
                case "--per-step": o.PerStep = true; break;
                case "--one-by-one": o.OneByOne = true; break;
                case "--smoke": o.ApplySmoke(); break;
                default: throw new ArgumentException($"unknown option '{name}'");
            }
        }

        if (o.Users > 250_000 || o.Conversations > 250_000 || o.FaultUsers > 250_000)
        {
            throw new ArgumentException("at most 250,000 simulated users (their NIKs must stay unique)");
        }

        return o;
    }

    private void ApplySmoke()
    {
        Smoke = true;
        Duration = 2;
        Warmup = 0.5;
        WarmupAnswers = 100;
        Users = 20;
        Rate = 50;
        OpenDuration = 1;
        Conversations = 200;
        Kills = 1;
        FaultUsers = 10;
        FaultDuration = 3;
        P429 = 0.05;
        P5xx = 0.05;
    }
}
