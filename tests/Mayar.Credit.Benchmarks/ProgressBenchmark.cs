using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Mayar.Credit.Emulator;

namespace Mayar.Credit.Benchmarks;

/// <summary>
/// What Write-Progress costs a batch: in one fresh pwsh against the in-process emulator (no latency, no pacing), the
/// same 1,000 plain ids piped to Get-MayarCreditBalance with $ProgressPreference Continue and SilentlyContinue in
/// turn, passes alternating (each way first in every other pass), medians and fastest passes compared (a shared machine's noise is one-sided); then one pass in a [powershell] instance counts the progress records
/// written (the updates are rate-limited, so a fast batch writes few). Issue 15's target: under 2%.
/// </summary>
public static class ProgressBenchmark
{
    private const int Rows = 1000;
    private const int Passes = 25;

    public static void Run(EmulatorTarget target, BenchmarkSettings settings)
    {
        var work = Directory.CreateTempSubdirectory("mayar-progress-");
        try
        {
            var script = PowerShellScript.Write(work, "progress.ps1", Script(settings.ModulePath, target.Emulator.BaseUri.AbsoluteUri));
            Console.WriteLine($"Write-Progress cost: {Rows} balance reads (0 ms latency, no pacing), {Passes} passes each way, alternating, in {settings.PwshPath}");
            var (figures, _) = PowerShellScript.RunScript(settings.PowerShell!, script, target.ApiKey);
            var on = PowerShellScript.Number(figures, "on");
            var off = PowerShellScript.Number(figures, "off");
            var c = CultureInfo.InvariantCulture;
            Console.WriteLine(string.Create(c, $"  progress shown   (Continue):         {on,9:0.0} ms  ({on / Rows:0.000} ms per row; spread {figures["on_min"]}-{figures["on_max"]})"));
            Console.WriteLine(string.Create(c, $"  progress silenced (SilentlyContinue): {off,9:0.0} ms  ({off / Rows:0.000} ms per row; spread {figures["off_min"]}-{figures["off_max"]})"));
            var onMin = PowerShellScript.Number(figures, "on_min");
            var offMin = PowerShellScript.Number(figures, "off_min");
            Console.WriteLine(string.Create(c, $"  cost of progress: {(on - off) / off * 100:+0.0;-0.0} % of the batch by the medians, {(onMin - offMin) / offMin * 100:+0.0;-0.0} % by the fastest passes (target < 2 %)"));
            Console.WriteLine(string.Create(c, $"  progress records written for the {Rows} rows: {figures["records"]} (silenced: {figures["records_silenced"]}); failures: {figures["failures"]}"));
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static string Script(string modulePath, string baseUri) => $$"""
        $ErrorActionPreference = 'Stop'
        Import-Module -Name {{PowerShellScript.Quote(modulePath)}}
        Connect-Mayar -BaseUri {{PowerShellScript.Quote(baseUri)}} -RequestsPerMinute 0
        $product = {{PowerShellScript.Quote(EmulatorOptions.SampleProductId)}}
        $ids = @(1..{{Rows}} | ForEach-Object { {{PowerShellScript.Quote(EmulatorOptions.SampleCustomerId)}} })
        $failures = 0
        $null = $ids[0..49] | Get-MayarCreditBalance -ProductId $product
        $times = @{ Continue = [System.Collections.Generic.List[double]]::new(); SilentlyContinue = [System.Collections.Generic.List[double]]::new() }
        for ($pass = 0; $pass -lt {{Passes}}; $pass++) {
            # ABBA: each way goes first in half the passes, so neither gains from the order.
            $order = if ($pass % 2) { 'SilentlyContinue', 'Continue' } else { 'Continue', 'SilentlyContinue' }
            foreach ($preference in $order) {
                $ProgressPreference = $preference
                [GC]::Collect()
                $sw = [System.Diagnostics.Stopwatch]::StartNew()
                $out = @($ids | Get-MayarCreditBalance -ProductId $product)
                $times[$preference].Add($sw.Elapsed.TotalMilliseconds)
                $failures += {{Rows}} - $out.Count
            }
        }

        $ProgressPreference = 'Continue'
        function Measure-Records([string] $Preference) {
            $ps = [powershell]::Create()
            $null = $ps.AddScript("Import-Module -Name {{PowerShellScript.Quote(modulePath)}}; Connect-Mayar -BaseUri '{{baseUri}}' -RequestsPerMinute 0; `$ProgressPreference = '$Preference'").AddStatement()
            $null = $ps.AddScript({ param($Ids, $Product) $null = $Ids | Get-MayarCreditBalance -ProductId $Product }).AddParameters(@{ Ids = $ids; Product = $product })
            $null = $ps.Invoke()
            $count = $ps.Streams.Progress.Count
            $ps.Dispose()
            $count
        }

        $records = Measure-Records 'Continue'
        $silenced = Measure-Records 'SilentlyContinue'
        function Median($values) { $s = @($values | Sort-Object); if ($s.Count % 2) { $s[[int][Math]::Floor($s.Count / 2)] } else { ($s[$s.Count / 2 - 1] + $s[$s.Count / 2]) / 2 } }
        $on = $times['Continue']; $off = $times['SilentlyContinue']
        [string]::Format([cultureinfo]::InvariantCulture, '{{PowerShellScript.Marker}} on={0:R} off={1:R} on_min={2:0.0} on_max={3:0.0} off_min={4:0.0} off_max={5:0.0} records={6} records_silenced={7} failures={8}',
            (Median $on), (Median $off), ($on | Measure-Object -Minimum).Minimum, ($on | Measure-Object -Maximum).Maximum, ($off | Measure-Object -Minimum).Minimum, ($off | Measure-Object -Maximum).Maximum, $records, $silenced, $failures)
        """;
}
