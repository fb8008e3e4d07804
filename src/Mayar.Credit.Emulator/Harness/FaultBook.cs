using System;
using System.Collections.Generic;
using System.Linq;

namespace Mayar.Credit.Emulator.Harness;

/// <summary>The fault rules in force, first match wins, each counted down as it is used. Thread-safe.</summary>
public sealed class FaultBook
{
    private readonly object _gate = new();
    private readonly List<FaultRule> _rules = new();

    /// <summary>Adds a rule, or throws <see cref="ArgumentException"/> saying what is wrong with it.</summary>
    public void Add(FaultRule rule)
    {
        var problem = rule.Problem();
        if (problem is not null)
        {
            throw new ArgumentException(problem);
        }

        lock (_gate)
        {
            _rules.Add(rule);
        }
    }

    public IReadOnlyList<FaultRule> Rules()
    {
        lock (_gate)
        {
            return _rules.ToList();
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _rules.Clear();
        }
    }

    /// <summary>Clears the rules and puts back those of the command line (the --fault text form).</summary>
    public void Reset(IEnumerable<string> startUpRules)
    {
        var rules = startUpRules.Select(FaultRule.Parse).ToList();
        lock (_gate)
        {
            _rules.Clear();
            _rules.AddRange(rules);
        }
    }

    /// <summary>Takes the first rule matching a request, counting it down.</summary>
    public FaultRule? Take(string method, string path)
    {
        lock (_gate)
        {
            foreach (var rule in _rules)
            {
                var methodMatches = rule.Method is null || string.Equals(rule.Method, method, StringComparison.OrdinalIgnoreCase);
                var pathMatches = rule.Path is null || string.Equals(rule.Path.TrimEnd('/'), path.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);
                if (!methodMatches || !pathMatches)
                {
                    continue;
                }

                if (rule.Count > 0 && --rule.Count == 0)
                {
                    _rules.Remove(rule);
                }

                return rule;
            }

            return null;
        }
    }
}
