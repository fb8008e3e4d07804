using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Mayar.Credit.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Mayar.Credit.PesterTests;

/// <summary>
/// One xunit test per Pester file: Invoke-Pester of tests/pester/&lt;file&gt; in a fresh process of the local tool
/// PowerShell, against the module staged at out/&lt;Configuration&gt;/Mayar.Credit. Fails with the names and messages of
/// the failed Pester tests; Pester's own output is the test's output. With MAYAR_PESTER_SUMMARY set to a file, each
/// run appends "&lt;file&gt; &lt;passed&gt; &lt;failed&gt;" to it (.ci/run counts Pester's tests from there).
/// </summary>
public sealed class PesterFileTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(20);
    private static readonly Lazy<LocalPowerShell> PowerShell = new(() => LocalPowerShell.Tool(RepoRoot));
    private readonly ITestOutputHelper output;

    public PesterFileTests(ITestOutputHelper output) => this.output = output;

    public static string RepoRoot => Metadata("RepoRoot");

    public static IEnumerable<object[]> Files() =>
        Directory.EnumerateFiles(Path.Combine(RepoRoot, "tests", "pester"), "*.Tests.ps1")
            .Select(Path.GetFileName)
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => new object[] { f! });

    [Theory]
    [MemberData(nameof(Files))]
    public void Passes(string file)
    {
        var pester = Path.Combine(LocalPowerShell.PackagesFolder(), "pester", Metadata("PesterVersion"), "tools", "Pester.psd1");
        Assert.True(File.Exists(pester), $"No Pester at {pester}: run `dotnet restore` (tools/Mayar.Credit.PesterPackage downloads it).");

        var resultFile = Path.Combine(Path.GetTempPath(), $"mayar-pester-{Guid.NewGuid():N}.json");
        var script = Path.Combine(RepoRoot, "tests", "Mayar.Credit.PesterTests", "Invoke-PesterFile.ps1");
        var start = PowerShell.Value.StartFile(script, new[] { "-Path", Path.Combine(RepoRoot, "tests", "pester", file), "-PesterModule", pester, "-ResultFile", resultFile });
        start.WorkingDirectory = RepoRoot;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.Environment["MAYAR_CREDIT_CONFIGURATION"] = Metadata("Configuration");

        var text = new StringBuilder();
        try
        {
            using var process = new Process { StartInfo = start };
            process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (text) { text.AppendLine(e.Data); } } };
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (text) { text.AppendLine(e.Data); } } };
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"{file} did not finish within {Timeout.TotalMinutes} minutes ({PowerShell.Value.Description}).");
            }

            process.WaitForExit();
            output.WriteLine($"{PowerShell.Value.Description}, Pester {Metadata("PesterVersion")}");
            output.WriteLine(text.ToString());
            Assert.True(File.Exists(resultFile), $"{file}: PowerShell exited with {process.ExitCode} before Pester reported:\n{text}");

            using var result = JsonDocument.Parse(File.ReadAllText(resultFile));
            var root = result.RootElement;
            var passed = root.GetProperty("Passed").GetInt32();
            var failed = root.GetProperty("Failed").GetInt32();
            var summary = Environment.GetEnvironmentVariable("MAYAR_PESTER_SUMMARY");
            if (!string.IsNullOrEmpty(summary))
            {
                File.AppendAllText(summary, $"{file} {passed} {failed}\n");
            }

            var failures = root.GetProperty("Failures").EnumerateArray()
                .Select(f => $"- {f.GetProperty("Name").GetString()}\n    {f.GetProperty("Message").GetString()?.Replace("\n", "\n    ", StringComparison.Ordinal)}")
                .ToList();
            if (failures.Count > 0)
            {
                Assert.Fail($"{file}: {failed} of {root.GetProperty("Total").GetInt32()} Pester tests failed ({passed} passed):\n{string.Join("\n", failures)}");
            }

            Assert.True(passed > 0, $"{file}: Pester ran no test.");
        }
        finally
        {
            File.Delete(resultFile);
        }
    }

    private static string Metadata(string key) =>
        typeof(PesterFileTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"No {key} metadata.");
}
