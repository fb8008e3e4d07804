using System;
using Mayar.Credit.Emulator;

EmulatorOptions options;
try
{
    options = EmulatorOptions.Parse(args);
}
catch (Exception ex) when (ex is ArgumentException or FormatException)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}

if (options.ShowHelp)
{
    Console.WriteLine(EmulatorOptions.Usage);
    return 0;
}

await using var emulator = await EmulatorHost.StartAsync(options);
var baseUrl = emulator.BaseUri.ToString().TrimEnd('/');
Console.WriteLine($"Mayar emulator listening on {baseUrl}");
Console.WriteLine($"  API key:     {options.ApiKey}");
Console.WriteLine($"  Product id:  {options.ProductId}");
Console.WriteLine($"  Sample balance: customer {EmulatorOptions.SampleCustomerId} in product {EmulatorOptions.SampleProductId} (30001 = main 29501 + add-on 500)");
Console.WriteLine($"  Admin:       {baseUrl}/_emulator/info, /requests, /faults, /rate-limit, /latency, /variants, /clock, /history, /reset");
if (options.RateLimitPerWindow > 0)
{
    Console.WriteLine($"  Rate limit:  {options.RateLimitPerWindow} requests per {options.RateLimitWindowSeconds} s");
}
if (options.ClockOffset != TimeSpan.Zero)
{
    Console.WriteLine($"  Clock:       {options.ClockOffset.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)} s off real time");
}

if (options.History != new Mayar.Credit.Emulator.Harness.EmulatorHistoryBehaviour())
{
    var history = options.History;
    Console.WriteLine($"  History:     lag {history.LagMs} ms, order {history.Order}, dates {(history.IgnoreDates ? "ignored" : "honoured")}, max limit {history.MaxLimit}");
}

Console.WriteLine("Press Ctrl+C to stop.");
await emulator.WaitForShutdownAsync();
return 0;
