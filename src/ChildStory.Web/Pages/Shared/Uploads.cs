using ChildStory.Features.Sharing;

namespace ChildStory.Web.Pages.Shared;

/// <summary>Reads uploaded files for a use case to check. A file over the limit is not read: a stand-in of its size lets the use case name it and say why.</summary>
public static class Uploads
{
    public static async Task<List<AttachmentInput>> ReadAsync(IEnumerable<IFormFile> files, CancellationToken ct)
    {
        var read = new List<AttachmentInput>();
        foreach (var file in files.Where(f => f.Length > 0 || f.FileName.Length > 0))
        {
            if (file.Length > Attachments.MaxBytes)
            {
                read.Add(new AttachmentInput(file.FileName, new byte[Attachments.MaxBytes + 1]));
                continue;
            }
            using var memory = new MemoryStream();
            await file.CopyToAsync(memory, ct);
            read.Add(new AttachmentInput(file.FileName, memory.ToArray()));
        }
        return read;
    }
}
