using PeerSupportBot.Cohorts;

namespace PeerSupportBot.Tests.Cohorts;

public sealed class CountedRequestsTests
{
    [Fact]
    public void A_request_once_added_is_known_as_counted()
    {
        var counted = CountedRequests.With(CountedRequests.With(null, "a"), "b");

        Assert.True(CountedRequests.Contains(counted, "a"));
        Assert.True(CountedRequests.Contains(counted, "b"));
        Assert.False(CountedRequests.Contains(counted, "c"));
        Assert.False(CountedRequests.Contains(null, "a"));
    }

    [Fact]
    public void Only_the_newest_few_are_kept_and_a_request_is_never_listed_twice()
    {
        var counted = Enumerable.Range(1, CountedRequests.Kept + 2).Aggregate((string?)null, (list, id) => CountedRequests.With(list, $"r{id}"));
        counted = CountedRequests.With(counted, $"r{CountedRequests.Kept + 2}");

        var ids = counted.Split(' ');
        Assert.Equal(CountedRequests.Kept, ids.Length);
        Assert.Equal(ids.Length, ids.Distinct().Count());
        Assert.False(CountedRequests.Contains(counted, "r1"));
        Assert.Equal($"r{CountedRequests.Kept + 2}", ids[^1]);
    }
}
