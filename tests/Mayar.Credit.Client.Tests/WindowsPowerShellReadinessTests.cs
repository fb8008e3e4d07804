using System;
using System.IO;
using System.Net;
using System.Reflection;
using Xunit;

// Ssl3 and ServicePointManager are obsolete on .NET, but they are what Windows PowerShell 5.1 starts with.
#pragma warning disable CS0618, SYSLIB0014

namespace Mayar.Credit.Client.Tests;

/// <summary>
/// The pieces Windows PowerShell 5.1 (.NET Framework) needs, tested through their decisions, since this
/// machine runs .NET only: TLS 1.2 added and never anything removed, the connection limit raised and never
/// lowered, and a dependency resolver that answers only the module's own requests.
/// </summary>
public sealed class WindowsPowerShellReadinessTests : IDisposable
{
    private readonly string _moduleFolder = Path.Combine(Path.GetTempPath(), "mayar-resolver-" + Guid.NewGuid().ToString("N"));

    public WindowsPowerShellReadinessTests()
    {
        Directory.CreateDirectory(_moduleFolder);
        foreach (var assembly in new[] { typeof(MayarClient).Assembly, typeof(System.Text.Json.JsonDocument).Assembly })
        {
            File.Copy(assembly.Location, Path.Combine(_moduleFolder, Path.GetFileName(assembly.Location)));
        }
    }

    private string OurAssembly => Path.Combine(_moduleFolder, "Mayar.Credit.Client.dll");

    private static string JsonName(Version version) => $"System.Text.Json, Version={version}, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51";

    private static Version ShippedJsonVersion => typeof(System.Text.Json.JsonDocument).Assembly.GetName().Version!;

    public void Dispose() => Directory.Delete(_moduleFolder, recursive: true);

    [Theory]
    [InlineData(SecurityProtocolType.Ssl3 | SecurityProtocolType.Tls, SecurityProtocolType.Ssl3 | SecurityProtocolType.Tls | SecurityProtocolType.Tls12)]
    [InlineData(SecurityProtocolType.Tls11, SecurityProtocolType.Tls11 | SecurityProtocolType.Tls12)]
    [InlineData(SecurityProtocolType.Tls12, SecurityProtocolType.Tls12)]
    [InlineData((SecurityProtocolType)12288 | SecurityProtocolType.Tls, (SecurityProtocolType)12288 | SecurityProtocolType.Tls | SecurityProtocolType.Tls12)]
    [InlineData((SecurityProtocolType)0, (SecurityProtocolType)0)]
    public void Tls12_is_added_to_what_is_set_and_system_default_is_left_to_the_os(SecurityProtocolType before, SecurityProtocolType after) =>
        Assert.Equal(after, NetFrameworkNetworking.WithTls12(before));

    [Theory]
    [InlineData(2, 64)]
    [InlineData(10, 64)]
    [InlineData(64, 64)]
    [InlineData(500, 500)]
    [InlineData(int.MaxValue, int.MaxValue)]
    public void The_connection_limit_is_raised_never_lowered(int before, int after) =>
        Assert.Equal(after, NetFrameworkNetworking.Raised(before));

    [Theory]
    [InlineData(".NET Framework 4.8.9232.0", true)]
    [InlineData(".NET Framework 4.7.2", true)]
    [InlineData(".NET 8.0.11", false)]
    [InlineData(".NET Core 3.1.32", false)]
    public void Only_net_framework_is_treated_as_windows_powershell(string description, bool expected) =>
        Assert.Equal(expected, NetFrameworkNetworking.IsFrameworkDescription(description));

    [Fact]
    public void On_this_runtime_nothing_process_wide_is_touched()
    {
        Assert.False(NetFrameworkNetworking.IsNetFramework);
        var before = ServicePointManager.SecurityProtocol;
        NetFrameworkNetworking.Apply(new Uri("https://api.mayar.club/"));
        Assert.Equal(before, ServicePointManager.SecurityProtocol);
    }

    [Fact]
    public void The_resolver_answers_our_assembly_asking_for_a_dll_we_ship()
    {
        var resolver = new ModuleDependencyResolver(_moduleFolder);

        Assert.Equal(Path.Combine(_moduleFolder, "System.Text.Json.dll"), resolver.PathFor(JsonName(ShippedJsonVersion), OurAssembly));

        // An older version asked for (no binding redirect in powershell.exe.config) gets the shipped one.
        Assert.NotNull(resolver.PathFor(JsonName(new Version(4, 0, 0, 0)), OurAssembly));
        Assert.NotNull(resolver.PathFor("System.Text.Json", OurAssembly));
    }

    [Fact]
    public void The_resolver_does_not_answer_anyone_else()
    {
        var resolver = new ModuleDependencyResolver(_moduleFolder);
        var elsewhere = typeof(WindowsPowerShellReadinessTests).Assembly.Location;

        Assert.Null(resolver.PathFor(JsonName(ShippedJsonVersion), elsewhere));
        Assert.Null(resolver.PathFor(JsonName(ShippedJsonVersion), null));
        Assert.Null(resolver.PathFor(JsonName(ShippedJsonVersion), string.Empty));
        Assert.Null(resolver.PathFor(JsonName(ShippedJsonVersion), Path.Combine(_moduleFolder, "sub", "Other.dll")));
    }

    [Fact]
    public void The_resolver_does_not_answer_for_what_it_does_not_ship_or_ships_too_old()
    {
        var resolver = new ModuleDependencyResolver(_moduleFolder);

        Assert.Null(resolver.PathFor("Newtonsoft.Json, Version=13.0.0.0, Culture=neutral, PublicKeyToken=30ad4fe6b2a6aeed", OurAssembly));
        Assert.Null(resolver.PathFor(JsonName(new Version(ShippedJsonVersion.Major + 1, 0, 0, 0)), OurAssembly));
        Assert.Null(resolver.PathFor("System.Text.Json.resources, Version=8.0.0.0, Culture=de, PublicKeyToken=cc7b13ffcd2ddd51", OurAssembly));
        Assert.Null(resolver.PathFor("..\\..\\evil", OurAssembly));
        Assert.Null(resolver.PathFor("not, a valid=name=", OurAssembly));
    }

    [Fact]
    public void The_handler_returns_nothing_for_a_request_it_does_not_answer()
    {
        var resolver = new ModuleDependencyResolver(_moduleFolder);
        Assert.Null(resolver.Resolve(null, new ResolveEventArgs(JsonName(ShippedJsonVersion), typeof(WindowsPowerShellReadinessTests).Assembly)));
    }
}
