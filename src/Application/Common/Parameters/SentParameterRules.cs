using FluentValidation;
using FluentValidation.Results;

namespace ImportsService.Application.Common.Parameters;

/// <summary>FluentValidation rules on parameters as a client sent them, reported under the names the client used.</summary>
public static class SentParameterRules
{
    /// <summary>The message for a name the client sent more than once.</summary>
    public static string Repeated(string name) => $"{name} was given more than once; give it at most once.";

    /// <summary>
    /// A rule on each parameter of a kind the request holds (bounds, sorts, unknown names…): where
    /// <paramref name="predicate"/> is false, the failure is reported under that parameter's name as sent, which
    /// FluentValidation's own property paths cannot spell (<c>filter[created_at][gte]</c>, not <c>Bounds[0]</c>).
    /// </summary>
    public static IRuleBuilderOptionsConditions<T, TItem> MustUnderSentName<T, TItem>(
        this IRuleBuilderInitialCollection<T, TItem> rule,
        Func<TItem, string> name,
        Func<T, TItem, bool> predicate,
        Func<T, TItem, string> message)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(predicate);
        ArgumentNullException.ThrowIfNull(message);

        // Failures carry their own names; this only spares FluentValidation inferring one from a computed collection.
        rule.Configure(r => r.PropertyName ??= "sent parameters");
        return rule.Custom((item, context) =>
        {
            if (!predicate(context.InstanceToValidate, item))
            {
                context.AddFailure(new ValidationFailure(name(item), message(context.InstanceToValidate, item)));
            }
        });
    }
}
