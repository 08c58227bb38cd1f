using ChildStory.Common;

namespace ChildStory.Web.Api;

/// <summary>The one place where expected failures become RFC 9457 problem details.</summary>
public static class Problems
{
    public static IResult ToProblem(this Error error) => error.Kind switch
    {
        ErrorKind.Validation => Results.ValidationProblem(
            error.Fields.ToDictionary(f => f.Key, f => f.Value), title: error.Title, type: "https://childstory.example/problems/validation"),
        ErrorKind.NotFound => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: error.Title, type: "https://childstory.example/problems/not-found"),
        ErrorKind.Conflict => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: error.Title, type: "https://childstory.example/problems/conflict"),
        ErrorKind.Forbidden => Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: error.Title, type: "https://childstory.example/problems/forbidden"),
        _ => Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: error.Title),
    };

    public static IResult Match<T>(this Result<T> result, Func<T, IResult> onSuccess) =>
        result.Succeeded ? onSuccess(result.Value) : result.Error!.ToProblem();
}
