using System.ComponentModel.DataAnnotations;

namespace PeerSupportBot.HelpRequests;

internal sealed class HelpRequestOptions
{
    public const string Section = "HelpRequests";

    /// <summary>How long a request stays open before the asker is offered others.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan Expiry { get; set; } = TimeSpan.FromHours(24);

    /// <summary>When "Did it help?" is asked after an introduction.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00")]
    public TimeSpan FollowUpAfter { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Days after closing when a request's rows are deleted.</summary>
    [Range(1, 365)]
    public int RetentionDays { get; set; } = 30;

    /// <summary>How often the sweep looks for due deadlines.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The longest text an asker can share.</summary>
    public const int MaxProblemLength = 2000;
}
