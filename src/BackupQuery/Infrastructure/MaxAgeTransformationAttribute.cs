using System.Management.Automation;
using BackupQuery.Text;

namespace BackupQuery.PowerShell.Infrastructure;

/// <summary>
/// Lets a TimeSpan parameter take <c>36h</c>, <c>2d</c>, <c>90m</c> and bare numbers of days. Unquoted, <c>2d</c> reaches the
/// cmdlet as the decimal 2 (PowerShell's <c>d</c> suffix), so a number means days. A short or signed byte (the <c>s</c> and
/// <c>y</c> suffixes: <c>30s</c> would be 30 days) is refused: quote it or use a TimeSpan.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class MaxAgeTransformationAttribute : ArgumentTransformationAttribute
{
    public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
    {
        var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        switch (value)
        {
            case TimeSpan span:
                return span;
            case short or sbyte:
                throw new ArgumentTransformationMetadataException(
                    $"'{value}' reached the cmdlet as a number with PowerShell's s or y suffix, not as a duration: quote it (-MaxAge '30s' is not supported), or give hours, days or minutes (36h, 2d, 90m) or a TimeSpan.");
            case int or long or byte or ushort or uint or ulong or decimal or double or float:
                return DurationText.FromDays(Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture))
                    ?? throw new ArgumentTransformationMetadataException($"-MaxAge {value} is not a positive number of days.");
            case string text:
                return DurationText.Parse(text) ?? throw new ArgumentTransformationMetadataException(
                    $"-MaxAge '{text}' is not a duration: use hours, days or minutes (36h, 2d, 90m), a number of days, or a TimeSpan such as '1.12:00:00'.");
            default:
                return inputData;
        }
    }
}
