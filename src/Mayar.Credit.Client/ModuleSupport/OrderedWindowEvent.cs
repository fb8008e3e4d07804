using System;

namespace Mayar.Credit.Client;

/// <summary>
/// What an <see cref="OrderedWindow{TItem, TResult}"/> hands back to the thread that feeds it: a message posted
/// by running work (a trace line), or an item's outcome, in input order.
/// </summary>
public readonly struct OrderedWindowEvent<TItem, TResult>
{
    private OrderedWindowEvent(bool isMessage, object? message, TItem item, TResult result, Exception? error, bool isCanceled)
    {
        IsMessage = isMessage;
        Message = message;
        Item = item;
        Result = result;
        Error = error;
        IsCanceled = isCanceled;
    }

    /// <summary>True for a posted message; false for an item's outcome.</summary>
    public bool IsMessage { get; }

    /// <summary>The posted message.</summary>
    public object? Message { get; }

    /// <summary>The item whose outcome this is.</summary>
    public TItem Item { get; }

    /// <summary>The item's result, when it succeeded.</summary>
    public TResult Result { get; }

    /// <summary>Why the item failed (never an AggregateException), or null.</summary>
    public Exception? Error { get; }

    /// <summary>True when the item's work was cancelled.</summary>
    public bool IsCanceled { get; }

    /// <summary>True when the item succeeded.</summary>
    public bool Succeeded => !IsMessage && Error is null && !IsCanceled;

    internal static OrderedWindowEvent<TItem, TResult> ForMessage(object? message) => new(true, message, default!, default!, null, false);

    internal static OrderedWindowEvent<TItem, TResult> ForOutcome(TItem item, TResult result, Exception? error, bool isCanceled) => new(false, null, item, result, error, isCanceled);
}
