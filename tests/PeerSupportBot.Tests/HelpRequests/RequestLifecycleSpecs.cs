using PeerSupportBot.Asking;
using PeerSupportBot.HelpRequests;
using PeerSupportBot.Outbox;

namespace PeerSupportBot.Tests.HelpRequests;

/// <summary>
/// The rules of a request's life, with no storage: a request and its helpers in, the new state,
/// the effects and the presser's answer out. The end-to-end tests (CoreLoopTests, DeclineTests)
/// show the same through POST /api/messages.
/// </summary>
public sealed class RequestLifecycleSpecs
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly RequestClock Clock = new(Now, FollowUpAfter: TimeSpan.FromDays(1), Retention: TimeSpan.FromDays(30));

    [Fact]
    public void Declining_marks_only_the_decliner_and_tells_nobody_while_others_may_still_answer()
    {
        var state = Open(("helmi", HelperStatus.Pending), ("heikki", HelperStatus.Pending));

        var step = RequestLifecycle.Decline(state, "helmi", Clock);

        Assert.Equal(RequestAnswer.DeclineAcknowledged, step.Answer);
        Assert.True(step.Changed);
        Assert.Equal(RequestStatus.Open, step.After!.Request.Status);
        Assert.Equal([HelperStatus.Declined, HelperStatus.Pending], step.After.Helpers.Select(helper => helper.Status));
        Assert.Empty(step.Effects);
    }

    [Fact]
    public void When_the_last_one_asked_declines_the_request_closes_and_the_asker_is_offered_others_without_a_name()
    {
        var state = Open(("helmi", HelperStatus.Declined), ("heikki", HelperStatus.Pending));

        var step = RequestLifecycle.Decline(state, "heikki", Clock);

        Assert.Equal(RequestAnswer.DeclineAcknowledged, step.Answer);
        Assert.Equal(RequestStatus.AllDeclined, step.After!.Request.Status);
        Assert.Equal(Now, step.After.Request.ClosedAt);
        Assert.Equal([new OfferOthersToAsker(NextReason.AllDeclined, null), new Schedule(DeadlineKind.Purge, Now.AddDays(30))], step.Effects);
        Assert.DoesNotContain(step.Effects, effect => effect.ToString().Contains("heikki", StringComparison.Ordinal) || effect.ToString().Contains("helmi", StringComparison.Ordinal));
    }

    [Fact]
    public void Declining_twice_or_after_the_request_closed_is_acknowledged_and_changes_nothing()
    {
        var declined = Open(("helmi", HelperStatus.Declined), ("heikki", HelperStatus.Pending));
        var accepted = Accepted(by: "heikki", ("helmi", HelperStatus.Closed), ("heikki", HelperStatus.Accepted));

        foreach (var step in new[] { RequestLifecycle.Decline(declined, "helmi", Clock), RequestLifecycle.Decline(accepted, "helmi", Clock) })
        {
            Assert.Equal(RequestAnswer.DeclineAcknowledged, step.Answer);
            Assert.False(step.Changed);
            Assert.Empty(step.Effects);
        }
    }

    [Fact]
    public void Someone_not_asked_cannot_decline_or_accept()
    {
        var state = Open(("helmi", HelperStatus.Pending));

        Assert.Same(RequestStep.Unknown, RequestLifecycle.Decline(state, "outsider", Clock));
        Assert.Same(RequestStep.Unknown, RequestLifecycle.Accept(state, "outsider", Clock));
    }

    [Fact]
    public void The_first_accept_wins_closes_the_pending_others_cards_introduces_the_asker_and_schedules_the_follow_up()
    {
        var state = Open(("helmi", HelperStatus.Pending, Delivered: true), ("heikki", HelperStatus.Pending, Delivered: true), ("hanna", HelperStatus.Declined, Delivered: false));

        var step = RequestLifecycle.Accept(state, "heikki", Clock);

        Assert.Equal(RequestAnswer.Introduction, step.Answer);
        Assert.Equal((RequestStatus.Accepted, "heikki", Now), (step.After!.Request.Status, step.After.Request.AcceptedBy, step.After.Request.ClosedAt));
        Assert.Equal([HelperStatus.Closed, HelperStatus.Accepted, HelperStatus.Declined], step.After.Helpers.Select(helper => helper.Status));
        Assert.Equal(
        [
            new UpdateHelperCard("helmi", HelperCardVariants.AlreadyHelped, CardOf("helmi")),
            new IntroduceAsker(),
            new RecordHelp("aino", "heikki"),
            new Schedule(DeadlineKind.FollowUp, Now.AddDays(1)),
            new Schedule(DeadlineKind.Purge, Now.AddDays(30)),
        ], step.Effects);
    }

    [Fact]
    public void Accepting_again_shows_the_same_introduction_changes_nothing_and_finishes_what_followed_the_accept()
    {
        var acceptedAt = Now.AddHours(-2);
        var open = Open(("helmi", HelperStatus.Closed, Delivered: true), ("heikki", HelperStatus.Accepted, Delivered: true));
        var state = open with { Request = open.Request with { Status = RequestStatus.Accepted, AcceptedBy = "heikki", ClosedAt = acceptedAt } };

        var step = RequestLifecycle.Accept(state, "heikki", Clock);

        Assert.Equal(RequestAnswer.Introduction, step.Answer);
        Assert.False(step.Changed);
        // Every effect happens once however often it is carried out (fixed outbox ids, the pair
        // counted once per request), and the deadlines stay those of the first accept.
        Assert.Equal(
        [
            new UpdateHelperCard("helmi", HelperCardVariants.AlreadyHelped, CardOf("helmi")),
            new IntroduceAsker(),
            new RecordHelp("aino", "heikki"),
            new Schedule(DeadlineKind.FollowUp, acceptedAt.AddDays(1)),
            new Schedule(DeadlineKind.Purge, acceptedAt.AddDays(30)),
        ], step.Effects);
    }

    [Theory]
    [InlineData(nameof(RequestStatus.Accepted))]
    [InlineData(nameof(RequestStatus.Cancelled))]
    [InlineData(nameof(RequestStatus.Expired))]
    [InlineData(nameof(RequestStatus.AllDeclined))]
    public void Accepting_a_closed_request_says_it_is_already_taken_care_of(string status)
    {
        var state = Open(("helmi", HelperStatus.Pending)) is var open ? open with { Request = open.Request with { Status = Enum.Parse<RequestStatus>(status) } } : open;

        var step = RequestLifecycle.Accept(state, "helmi", Clock);

        Assert.Equal(RequestAnswer.AlreadyHelped, step.Answer);
        Assert.False(step.Changed);
    }

    [Fact]
    public void Only_the_asker_can_cancel_and_only_an_open_request_and_the_delivered_cards_say_no_longer_needed()
    {
        var state = Open(("helmi", HelperStatus.Pending, Delivered: true), ("heikki", HelperStatus.Pending, Delivered: false));

        Assert.Same(RequestStep.Unknown, RequestLifecycle.Cancel(state, "helmi", Clock));
        var step = RequestLifecycle.Cancel(state, "aino", Clock);
        var again = RequestLifecycle.Cancel(step.After!, "aino", Clock);

        Assert.Equal(RequestAnswer.Cancelled, step.Answer);
        Assert.Equal(RequestStatus.Cancelled, step.After!.Request.Status);
        Assert.Equal([new UpdateHelperCard("helmi", HelperCardVariants.NoLongerNeeded, CardOf("helmi")), new Schedule(DeadlineKind.Purge, Now.AddDays(30))], step.Effects);
        Assert.Equal(RequestAnswer.NotOpen, again.Answer);
        Assert.False(again.Changed);
    }

    [Fact]
    public void An_expired_request_closes_the_cards_and_offers_the_asker_others_once()
    {
        var state = Open(("helmi", HelperStatus.Pending, Delivered: true));

        var step = RequestLifecycle.Expire(state, Clock);
        var later = RequestLifecycle.Expire(step.After!, Clock);

        Assert.Equal(RequestStatus.Expired, step.After!.Request.Status);
        Assert.Equal(
        [
            new UpdateHelperCard("helmi", HelperCardVariants.Expired, CardOf("helmi")),
            new OfferOthersToAsker(NextReason.Expired, null),
            new Schedule(DeadlineKind.Purge, Now.AddDays(30)),
        ], step.Effects);
        Assert.False(later.Changed);
        Assert.Empty(later.Effects);
    }

    [Fact]
    public void An_unreachable_helper_counts_as_not_asked_and_the_asker_is_offered_someone_else_now()
    {
        var state = Open(("helmi", HelperStatus.Pending), ("heikki", HelperStatus.Pending));

        var step = RequestLifecycle.Unreachable(state, "helmi", Clock);

        Assert.Equal(RequestStatus.Open, step.After!.Request.Status);
        Assert.Equal([HelperStatus.Closed, HelperStatus.Pending], step.After.Helpers.Select(helper => helper.Status));
        Assert.Equal([new OfferOthersToAsker(NextReason.SomeUnreachable, "helmi")], step.Effects);
    }

    [Fact]
    public void When_the_last_one_asked_cannot_be_reached_the_request_closes_as_if_everyone_declined()
    {
        var state = Open(("helmi", HelperStatus.Declined), ("heikki", HelperStatus.Pending));

        var step = RequestLifecycle.Unreachable(state, "heikki", Clock);

        Assert.Equal(RequestStatus.AllDeclined, step.After!.Request.Status);
        Assert.Contains(new OfferOthersToAsker(NextReason.AllDeclined, null), step.Effects);
    }

    [Fact]
    public void Forgetting_a_helper_closes_the_request_updates_the_other_cards_and_tells_the_asker_neutrally()
    {
        var state = Open(("helmi", HelperStatus.Pending, Delivered: true), ("heikki", HelperStatus.Pending, Delivered: true));

        var helperLeft = RequestLifecycle.CloseForForgottenPerson(state, "helmi", Clock);
        var askerLeft = RequestLifecycle.CloseForForgottenPerson(state, "aino", Clock);

        Assert.Equal(RequestStatus.Forgotten, helperLeft.After!.Request.Status);
        Assert.Equal([new UpdateHelperCard("heikki", HelperCardVariants.OtherSideLeft, CardOf("heikki")), new TellAskerTheOtherSideLeft()], helperLeft.Effects.Where(effect => effect is not Schedule));
        // Its rows are deleted at once; the purge only clears the records of its posts later.
        Assert.Equal([DeadlineKind.Purge], helperLeft.Effects.OfType<Schedule>().Select(schedule => schedule.Kind));
        Assert.DoesNotContain(askerLeft.Effects, effect => effect is TellAskerTheOtherSideLeft);
        Assert.Equal(2, askerLeft.Effects.OfType<UpdateHelperCard>().Count());
    }

    [Fact]
    public void Forgetting_again_after_storage_cut_the_first_close_short_gives_the_same_effects_and_changes_nothing()
    {
        var state = Open(("helmi", HelperStatus.Pending, Delivered: true), ("heikki", HelperStatus.Pending, Delivered: true));
        var first = RequestLifecycle.CloseForForgottenPerson(state, "helmi", Clock);

        var again = RequestLifecycle.CloseForForgottenPerson(first.After!, "helmi", Clock with { Now = Clock.Now.AddMinutes(5) });

        Assert.False(again.Changed);
        Assert.Equal(first.Effects, again.Effects);
    }

    [Fact]
    public void Forgetting_someone_in_a_request_closed_otherwise_changes_nothing_and_tells_nobody()
    {
        var accepted = Open(("helmi", HelperStatus.Pending, Delivered: true));
        var closed = accepted with { Request = accepted.Request with { Status = RequestStatus.Accepted, AcceptedBy = "helmi" } };

        var step = RequestLifecycle.CloseForForgottenPerson(closed, "helmi", Clock);

        Assert.False(step.Changed);
        Assert.Empty(step.Effects);
    }

    [Theory]
    [InlineData(nameof(RequestStatus.Forgotten), HelperCardVariants.OtherSideLeft)]
    [InlineData(nameof(RequestStatus.Accepted), HelperCardVariants.AlreadyHelped)]
    [InlineData(nameof(RequestStatus.Cancelled), HelperCardVariants.NoLongerNeeded)]
    [InlineData(nameof(RequestStatus.Expired), HelperCardVariants.Expired)]
    [InlineData(nameof(RequestStatus.Open), null)]
    [InlineData(nameof(RequestStatus.AllDeclined), null)]
    public void A_card_delivered_after_its_request_closed_is_closed_at_once(string status, string? variant) =>
        Assert.Equal(variant, RequestLifecycle.VariantForLateCard(Enum.Parse<RequestStatus>(status)));

    private static RequestState Open(params (string Key, HelperStatus Status, bool Delivered)[] helpers) =>
        new(new HelpRequest("r1", "aino", ["change-negotiations"], Urgency.Today, RequestStatus.Open, Now.AddHours(-1), Now.AddHours(23), null, null, "v1"),
            [.. helpers.Select(helper => new HelperAssignment("r1", helper.Key, helper.Status,
                helper.Delivered ? "https://smba.example/" : null, helper.Delivered ? "a:" + helper.Key : null, helper.Delivered ? "act-" + helper.Key : null))]);

    private static RequestState Open(params (string Key, HelperStatus Status)[] helpers) =>
        Open([.. helpers.Select(helper => (helper.Key, helper.Status, Delivered: false))]);

    private static RequestState Accepted(string by, params (string Key, HelperStatus Status)[] helpers) =>
        Open(helpers) is var open ? open with { Request = open.Request with { Status = RequestStatus.Accepted, AcceptedBy = by, ClosedAt = Now } } : open;

    private static CardLocation CardOf(string key) => new("https://smba.example/", "a:" + key, "act-" + key);
}
