from enrollment.shared.models.exports import ExportRecord


def export_record(*, user, path, filename, rows):
    return ExportRecord.objects.create(user=user if user.is_authenticated else None, path=path[:1000],
                                       filename=filename[:255], rows=rows)
