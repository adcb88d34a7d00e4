using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace PLKumkm.Bot.LoadTest.Targets;

/// <summary>
/// The bot as its own process (<c>dotnet PLKumkm.Bot.dll run --…</c>), so it can be killed hard and its memory
/// measured alone. Output is drained and only the last lines are kept for diagnostics.
/// </summary>
internal sealed partial class BotProcess : IDisposable
{
    private const int Sigterm = 15;
    private readonly Process _process;
    private readonly Queue<string> _tail = new();
    private long _peakRss;

    private BotProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Highest resident set size seen (kernel's VmHWM while running), in bytes.</summary>
    public long PeakRss => Math.Max(Interlocked.Read(ref _peakRss), ReadStatus("VmHWM") ?? 0);

    public string Tail
    {
        get { lock (_tail) { return string.Join(Environment.NewLine, _tail); } }
    }

    public static BotProcess Start(string botDll, IEnumerable<string> args, string workingDirectory) =>
        StartDll(botDll, ["run", .. args], workingDirectory);

    /// <summary>Any .NET program as a child process (the echo bot runs as this load test's own <c>echo-bot</c> mode).</summary>
    public static BotProcess StartDll(string dll, IEnumerable<string> args, string workingDirectory)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {Path.GetFileName(dll)}");
        var bot = new BotProcess(process);
        process.OutputDataReceived += (_, e) => bot.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => bot.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return bot;
    }

    /// <summary>CPU time the process has used so far (user + system).</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>CPU the process had used just before <see cref="Kill"/> (an exited process's can no longer be read).</summary>
    public TimeSpan ExitedProcessorTime { get; private set; }

    /// <summary>The hard way: no shutdown, no flush, like a power cut of the process.</summary>
    public void Kill()
    {
        SampleMemory();
        try
        {
            ExitedProcessorTime = ProcessorTime;
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>SIGTERM: the host's normal shutdown (Ctrl+C / systemd stop).</summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        SampleMemory();
        if (!_process.HasExited && SendSignal(_process.Id, Sigterm) != 0)
        {
            _process.Kill(entireProcessTree: true);
        }

        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>Reads the current resident set size and remembers the highest.</summary>
    public long SampleMemory()
    {
        var rss = ReadStatus("VmRSS") ?? 0;
        var hwm = ReadStatus("VmHWM") ?? 0;
        var peak = Math.Max(rss, hwm);
        long seen;
        do
        {
            seen = Interlocked.Read(ref _peakRss);
        }
        while (peak > seen && Interlocked.CompareExchange(ref _peakRss, peak, seen) != seen);
        return rss;
    }

    private long? ReadStatus(string field)
    {
        try
        {
            if (_process.HasExited)
            {
                return null;
            }

            foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
            {
                if (line.StartsWith(field + ":", StringComparison.Ordinal))
                {
                    var kb = line[(field.Length + 1)..].Trim().Split(' ')[0];
                    return long.Parse(kb, CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
            // Exited between the check and the read.
        }
        catch (InvalidOperationException)
        {
            // Not started or already disposed.
        }

        return null;
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_tail)
        {
            _tail.Enqueue(line);
            while (_tail.Count > 40)
            {
                _tail.Dequeue();
            }
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int SendSignal(int pid, int signal);
}
