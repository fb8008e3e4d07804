using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Mayar.Credit.Client;

/// <summary>
/// Lets one credit movement at a time run for an account (customer, product, tier) within a connection, so that
/// this connection's own entries in one account's history never overlap in time and a reconciliation can tell them
/// apart. Movements of other accounts still run in parallel. Waiters are served first come, first served.
/// </summary>
internal sealed class CreditAccountGate
{
    private readonly object _gate = new();
    private readonly Dictionary<string, Holder> _holders = new(StringComparer.Ordinal);

    /// <summary>The key of an account: customer, product and tier (a membership product's history is per tier).</summary>
    public static string KeyOf(string customerId, string productId, string? membershipTierId) => customerId + "|" + productId + "|" + membershipTierId;

    /// <summary>Waits for the account's turn; dispose the result to hand the turn on.</summary>
    public async Task<IDisposable> EnterAsync(string account, CancellationToken cancellationToken)
    {
        Holder holder;
        lock (_gate)
        {
            if (!_holders.TryGetValue(account, out holder!))
            {
                holder = new Holder();
                _holders[account] = holder;
            }

            holder.Users++;
        }

        try
        {
            await holder.Turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Leave(account, holder, released: false);
            throw;
        }

        return new Turn(this, account, holder);
    }

    private void Leave(string account, Holder holder, bool released)
    {
        if (released)
        {
            holder.Turn.Release();
        }

        lock (_gate)
        {
            if (--holder.Users == 0)
            {
                _holders.Remove(account);
            }
        }
    }

    private sealed class Holder
    {
        public SemaphoreSlim Turn { get; } = new(1, 1);

        public int Users { get; set; }
    }

    private sealed class Turn : IDisposable
    {
        private readonly CreditAccountGate _owner;
        private readonly string _account;
        private readonly Holder _holder;
        private int _disposed;

        public Turn(CreditAccountGate owner, string account, Holder holder)
        {
            _owner = owner;
            _account = account;
            _holder = holder;
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                _owner.Leave(_account, _holder, released: true);
            }
        }
    }
}
