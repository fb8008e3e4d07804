using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Mayar.Credit.Client;
using Mayar.Credit.Emulator;
using Mayar.Credit.Testing;
using static Mayar.Credit.Benchmarks.PowerShellScript;

namespace Mayar.Credit.Benchmarks;

/// <summary>
/// The module as PowerShell users meet it, run by a real pwsh against the in-process emulator.
/// Cold start: in a fresh process, after one warm-up cmdlet (Get-Date) so PowerShell's own start-up is not
/// counted, Import-Module + Connect-Mayar + the first Get-MayarCreditBalance, against the first
/// Invoke-RestMethod of the same URL in another fresh process; each timed by a Stopwatch inside the process,
/// alternating, median of several processes. Per item: in one process per emulator latency, the same rows
/// read by the module's pipeline (-ThrottleLimit 1 and 8), an Invoke-RestMethod loop and
/// ForEach-Object -Parallel -ThrottleLimit 8, each after a short warm-up of every method.
/// </summary>
// The PowerShell scripts it runs are written inline, next to the code that reads their figures (PowerShellScript runs them).
public static class PowerShellBenchmark
{
    /// <summary>Median, smallest and largest of one figure across processes, in milliseconds.</summary>
    public sealed record Spread(double Median, double Min, double Max)
    {
        public static Spread Of(IEnumerable<double> values)
        {
            var sorted = values.OrderBy(v => v).ToList();
            var median = sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
            return new Spread(median, sorted[0], sorted[^1]);
        }

        public override string ToString() =>
            string.Format(CultureInfo.InvariantCulture, "{0,8:0.0} ({1:0.0}-{2:0.0})", Median, Min, Max);
    }

    /// <summary>
    /// Cold-start figures of the module path: each step and their sum, then a second call for contrast; the Jit
    /// figures are the median number of methods the runtime compiled during each step.
    /// </summary>
    public sealed record ModuleColdStart(Spread Total, Spread Import, Spread Connect, Spread FirstCall, Spread SecondCall, Spread Process, double JitTotal, double JitImport, double JitConnect, double JitFirstCall);

    /// <summary>Cold-start figures of Invoke-RestMethod: the first call, then a second for contrast; methods compiled during the first.</summary>
    public sealed record RestColdStart(Spread FirstCall, Spread SecondCall, Spread Process, double JitFirstCall);

    /// <summary>One way of reading the rows, at one emulator latency: the median pass, and the most failures in any pass.</summary>
    public sealed record PerItem(int LatencyMs, string Method, int Items, int Passes, double Seconds, double PerItemMs, int Failures);

    public sealed record Result(
        string PwshVersion,
        string PwshPath,
        string ModulePath,
        int ColdStartRuns,
        ModuleColdStart Module,
        RestColdStart Rest,
        int Rows,
        string RowSource,
        IReadOnlyList<PerItem> PerItem);

    /// <summary>The methods of the per-item measurement, in the order they run and are printed.</summary>
    public static readonly IReadOnlyList<(string Key, string Label)> Methods = new[]
    {
        ("module1", "$rows | Get-MayarCreditBalance -ThrottleLimit 1"),
        ("module8", "$rows | Get-MayarCreditBalance -ThrottleLimit 8"),
        ("irm", "foreach ($r in $rows) { Invoke-RestMethod ... }"),
        ("parallel8", "$rows | ForEach-Object -Parallel { Invoke-RestMethod ... } -ThrottleLimit 8"),
    };

    private const int WarmUpRows = 16;

    /// <summary>Runs the cold start and, unless <paramref name="coldStartOnly"/>, the per-item reads.</summary>
    public static Result Run(EmulatorTarget target, BenchmarkSettings settings, bool coldStartOnly = false)
    {
        var pwsh = settings.PowerShell ?? throw new InvalidOperationException("No pwsh given.");
        var state = target.State;
        var baseUri = target.Emulator.BaseUri.AbsoluteUri;
        var work = Directory.CreateTempSubdirectory("mayar-bench-");
        try
        {
            state.Reset();

            // Cold start: the module and Invoke-RestMethod alternate, one fresh process each, so both see the same load.
            var moduleScript = Write(work, "cold-module.ps1", ColdModuleScript(settings.ModulePath, baseUri));
            var restScript = Write(work, "cold-rest.ps1", ColdRestScript(baseUri, target.ApiKey));
            var module = new List<(IReadOnlyDictionary<string, string> Figures, double ProcessMs)>();
            var rest = new List<(IReadOnlyDictionary<string, string> Figures, double ProcessMs)>();
            for (var run = 0; run < settings.ColdStartRuns; run++)
            {
                module.Add(RunScript(pwsh, moduleScript, target.ApiKey));
                rest.Add(RunScript(pwsh, restScript, target.ApiKey));
            }

            var expected = state.Store.FindAccount(EmulatorOptions.SampleCustomerId, EmulatorOptions.SampleProductId)!.Total;
            foreach (var (figures, _) in module.Concat(rest))
            {
                if (decimal.Parse(figures["balance"], CultureInfo.InvariantCulture) != expected)
                {
                    throw new InvalidOperationException($"A cold-start run read balance {figures["balance"]}, not {expected}.");
                }
            }

            Spread Of(List<(IReadOnlyDictionary<string, string> Figures, double ProcessMs)> runs, string name) =>
                Spread.Of(runs.Select(r => Number(r.Figures, name)));

            var moduleCold = new ModuleColdStart(
                Spread.Of(module.Select(r => Number(r.Figures, "import") + Number(r.Figures, "connect") + Number(r.Figures, "first"))),
                Of(module, "import"),
                Of(module, "connect"),
                Of(module, "first"),
                Of(module, "second"),
                Spread.Of(module.Select(r => r.ProcessMs)),
                Spread.Of(module.Select(r => Number(r.Figures, "jit_import") + Number(r.Figures, "jit_connect") + Number(r.Figures, "jit_first"))).Median,
                Of(module, "jit_import").Median,
                Of(module, "jit_connect").Median,
                Of(module, "jit_first").Median);
            var restCold = new RestColdStart(Of(rest, "first"), Of(rest, "second"), Spread.Of(rest.Select(r => r.ProcessMs)), Of(rest, "jit_first").Median);

            if (coldStartOnly)
            {
                return new Result(module[0].Figures["version"], pwsh.Description, settings.ModulePath, settings.ColdStartRuns, moduleCold, restCold, 0, string.Empty, Array.Empty<PerItem>());
            }

            // Per item: one registered customer per row (distinct ids, as a real batch), in the sample product.
            var runTag = Guid.NewGuid().ToString("N").Substring(0, 8);
            var csv = new StringBuilder("CustomerId,ProductId\n");
            for (var i = 0; i < settings.PowerShellRows; i++)
            {
                var account = state.Store.Register(EmulatorOptions.SampleProductId, $"Bench Reader {i}", $"reader.{runTag}.{i}@example.com", "081234567890", 100 + i)
                    ?? throw new InvalidOperationException("Registration of a benchmark row failed.");
                csv.Append(account.CustomerId).Append(',').Append(account.ProductId).Append('\n');
            }

            var rowsFile = Path.Combine(work.FullName, "rows.csv");
            File.WriteAllText(rowsFile, csv.ToString());
            var perItemScript = Write(work, "per-item.ps1", PerItemScript(settings.ModulePath, baseUri, target.ApiKey, rowsFile));
            var perItem = new List<PerItem>();
            var version = string.Empty;
            foreach (var latency in BenchmarkSettings.PowerShellLatenciesMs)
            {
                state.SetLatency(latency, latency);
                var passes = latency == 0 ? settings.PowerShellPassesNoLatency : settings.PowerShellPassesWithLatency;
                var (figures, _) = RunScript(pwsh, perItemScript, target.ApiKey, "-Passes", passes.ToString(CultureInfo.InvariantCulture));
                version = figures["version"];
                foreach (var (key, label) in Methods)
                {
                    var ms = Number(figures, key + "_ms");
                    var ok = (int)Number(figures, key + "_ok");
                    perItem.Add(new PerItem(latency, label, settings.PowerShellRows, passes, ms / 1000, ms / settings.PowerShellRows, settings.PowerShellRows - ok));
                }
            }

            return new Result(
                version,
                pwsh.Description,
                settings.ModulePath,
                settings.ColdStartRuns,
                moduleCold,
                restCold,
                settings.PowerShellRows,
                $"{settings.PowerShellRows} customers registered in the emulator, one read each",
                perItem);
        }
        finally
        {
            state.Reset();
            work.Delete(recursive: true);
        }
    }

    // JitInfo counts the methods compiled so far (all threads): read once before the clock starts so the reads inside cost nothing new.
    private static string ColdModuleScript(string modulePath, string baseUri) => $$"""
        $ErrorActionPreference = 'Stop'
        Get-Date | Out-Null
        $j0 = [System.Runtime.JitInfo]::GetCompiledMethodCount($false)
        $sw = [System.Diagnostics.Stopwatch]::StartNew()
        Import-Module -Name {{Quote(modulePath)}}
        $import = $sw.Elapsed.TotalMilliseconds
        $j1 = [System.Runtime.JitInfo]::GetCompiledMethodCount($false)
        Connect-Mayar -BaseUri {{Quote(baseUri)}} -RequestsPerMinute 0
        $connect = $sw.Elapsed.TotalMilliseconds
        $j2 = [System.Runtime.JitInfo]::GetCompiledMethodCount($false)
        $b = Get-MayarCreditBalance -CustomerId {{Quote(EmulatorOptions.SampleCustomerId)}} -ProductId {{Quote(EmulatorOptions.SampleProductId)}}
        $first = $sw.Elapsed.TotalMilliseconds
        $j3 = [System.Runtime.JitInfo]::GetCompiledMethodCount($false)
        $sw.Restart()
        $null = Get-MayarCreditBalance -CustomerId {{Quote(EmulatorOptions.SampleCustomerId)}} -ProductId {{Quote(EmulatorOptions.SampleProductId)}}
        $second = $sw.Elapsed.TotalMilliseconds
        [string]::Format([cultureinfo]::InvariantCulture, '{{Marker}} import={0:R} connect={1:R} first={2:R} second={3:R} balance={4} jit_import={5} jit_connect={6} jit_first={7} version={8}', $import, ($connect - $import), ($first - $connect), $second, $b.Balance, ($j1 - $j0), ($j2 - $j1), ($j3 - $j2), $PSVersionTable.PSVersion)
        """;

    private static string ColdRestScript(string baseUri, string apiKey) => $$"""
        $ErrorActionPreference = 'Stop'
        Get-Date | Out-Null
        $uri = {{Quote(BalanceUrl(baseUri, EmulatorOptions.SampleCustomerId, EmulatorOptions.SampleProductId))}}
        $headers = @{ Authorization = {{Quote("Bearer " + apiKey)}} }
        $j0 = [System.Runtime.JitInfo]::GetCompiledMethodCount($false)
        $sw = [System.Diagnostics.Stopwatch]::StartNew()
        $b = Invoke-RestMethod -Uri $uri -Headers $headers
        $first = $sw.Elapsed.TotalMilliseconds
        $j1 = [System.Runtime.JitInfo]::GetCompiledMethodCount($false)
        $sw.Restart()
        $null = Invoke-RestMethod -Uri $uri -Headers $headers
        $second = $sw.Elapsed.TotalMilliseconds
        $balance = if ($null -ne $b.customerBalance) { $b.customerBalance } else { $b.data.customerBalance }
        [string]::Format([cultureinfo]::InvariantCulture, '{{Marker}} first={0:R} second={1:R} balance={2} jit_first={3}', $first, $second, $balance, ($j1 - $j0))
        """;

    // Every method is warmed up on a few rows first, so each figure is the steady per-item cost, not first-use costs.
    private static string PerItemScript(string modulePath, string baseUri, string apiKey, string rowsFile) => $$"""
        param([int] $Passes = 1)
        $ErrorActionPreference = 'Continue'
        Import-Module -Name {{Quote(modulePath)}}
        Connect-Mayar -BaseUri {{Quote(baseUri)}} -RequestsPerMinute 0
        $rows = @(Import-Csv -LiteralPath {{Quote(rowsFile)}})
        $prefix = {{Quote(baseUri + MayarRoutes.CreditBalance.TrimStart('/'))}}
        $headers = @{ Authorization = {{Quote("Bearer " + apiKey)}} }
        $methods = [ordered]@{
            module1 = { param($items) $items | Get-MayarCreditBalance -ThrottleLimit 1 }
            module8 = { param($items) $items | Get-MayarCreditBalance -ThrottleLimit 8 }
            irm = { param($items)
                foreach ($r in $items) {
                    Invoke-RestMethod -Uri ($prefix + '?customerId=' + [uri]::EscapeDataString($r.CustomerId) + '&productId=' + [uri]::EscapeDataString($r.ProductId)) -Headers $headers
                }
            }
            parallel8 = { param($items)
                $items | ForEach-Object -Parallel {
                    Invoke-RestMethod -Uri ($using:prefix + '?customerId=' + [uri]::EscapeDataString($_.CustomerId) + '&productId=' + [uri]::EscapeDataString($_.ProductId)) -Headers $using:headers
                } -ThrottleLimit 8
            }
        }
        $warm = $rows[0..({{WarmUpRows}} - 1)]
        foreach ($m in $methods.Values) { $null = & $m $warm }
        # Passes go round the methods in turn, so a burst of load on the machine falls on all of them alike.
        $times = @{}; $oks = @{}
        foreach ($name in $methods.Keys) { $times[$name] = [System.Collections.Generic.List[double]]::new(); $oks[$name] = $rows.Count }
        for ($pass = 0; $pass -lt $Passes; $pass++) {
            foreach ($name in $methods.Keys) {
                [GC]::Collect()
                $sw = [System.Diagnostics.Stopwatch]::StartNew()
                $out = @(& $methods[$name] $rows)
                $times[$name].Add($sw.Elapsed.TotalMilliseconds)
                $oks[$name] = [Math]::Min($oks[$name], @($out | Where-Object { $null -ne $_ }).Count)
            }
        }
        $line = [System.Text.StringBuilder]::new('{{Marker}} version=' + $PSVersionTable.PSVersion)
        foreach ($name in $methods.Keys) {
            $sorted = @($times[$name] | Sort-Object)
            $median = if ($sorted.Count % 2) { $sorted[($sorted.Count - 1) / 2] } else { ($sorted[$sorted.Count / 2 - 1] + $sorted[$sorted.Count / 2]) / 2 }
            $null = $line.Append([string]::Format([cultureinfo]::InvariantCulture, ' {0}_ms={1:R} {0}_ok={2}', $name, $median, $oks[$name]))
        }
        $line.ToString()
        """;

    private static string BalanceUrl(string baseUri, string customerId, string productId) =>
        $"{baseUri}{MayarRoutes.CreditBalance.TrimStart('/')}?customerId={Uri.EscapeDataString(customerId)}&productId={Uri.EscapeDataString(productId)}";
}
