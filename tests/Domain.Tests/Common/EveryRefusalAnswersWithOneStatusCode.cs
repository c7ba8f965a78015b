using CancellationPortal.Domain.Common;

namespace CancellationPortal.Domain.Tests.Common;

/// <summary>Both apps show a refusal and answer with its status through one mapping; every kind has its code, none a 500.</summary>
public sealed class EveryRefusalAnswersWithOneStatusCode
{
    [Theory]
    [InlineData(ErrorKind.NotFound, 404)]
    [InlineData(ErrorKind.Conflict, 409)]
    [InlineData(ErrorKind.NotAllowed, 409)]
    [InlineData(ErrorKind.Invalid, 422)]
    public void ARefusalAnswersWithTheStatusOfItsKindAndShowsItsMessage(ErrorKind kind, int status)
    {
        var error = new Error(kind, "This request was changed by Sue Support at 2026-11-02 09:03 UTC. Here is its current state.");

        error.ToStatusCode().ShouldBe(status);
        error.ToPageMessage().ShouldBe(error.Message);
    }

    [Fact]
    public void EveryKindIsAClientError()
    {
        foreach (var kind in Enum.GetValues<ErrorKind>())
        {
            new Error(kind, "Refused.").ToStatusCode().ShouldBeInRange(400, 499, kind.ToString());
        }
    }

    [Fact]
    public void WithoutARefusalTheFormsOwnErrorsAnswerBadRequestAndPointToTheForm()
    {
        Error? none = null;

        none.ToStatusCode().ShouldBe(400);
        none.ToPageMessage().ShouldBe("Please correct the form below.");
    }
}
