from django.shortcuts import render


def edit_page(request, form, *, title, back_url, back_label):
    """The one page every agent create/edit form is shown on."""
    return render(request, "agents/edit_form.html",
                  {"form": form, "title": title, "back_url": back_url, "back_label": back_label})
