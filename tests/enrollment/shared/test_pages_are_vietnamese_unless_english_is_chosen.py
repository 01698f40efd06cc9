def test_an_english_browser_still_gets_vietnamese(client_for, provincial_manager):
    client = client_for(provincial_manager)
    response = client.get("/units/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9", follow=True)
    assert "Đơn vị" in response.content.decode()


def test_choosing_english_switches_the_pages(client_for, provincial_manager):
    client = client_for(provincial_manager)
    client.post("/i18n/setlang/", {"language": "en", "next": "/units/"})
    assert "Units" in client.get("/units/", follow=True).content.decode()
    client.post("/i18n/setlang/", {"language": "vi", "next": "/units/"})
    assert "Đơn vị" in client.get("/units/", HTTP_ACCEPT_LANGUAGE="en", follow=True).content.decode()
