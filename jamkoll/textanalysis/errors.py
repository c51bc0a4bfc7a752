"""Error type and the Swedish user-facing messages of the document reader."""

MSG_NOT_FOUND = "Filen finns inte eller kan inte läsas."
MSG_EMPTY = "Filen är tom (0 byte)."
MSG_TOO_LARGE = "Filen är för stor ({size_mb:.0f} MB); gränsen är {limit_mb:.0f} MB."
MSG_UNKNOWN_FORMAT = (
    "Okänt filformat. Jämkoll kan läsa PDF, Word (DOCX), OpenDocument (ODT) "
    "och ren text."
)
MSG_FAKE_PDF = "Filen heter .pdf men innehållet är inte en PDF."
MSG_FAKE_DOCX = "Filen heter .docx men innehållet är inte ett Word-dokument (DOCX)."
MSG_FAKE_ODT = "Filen heter .odt men innehållet är inte ett OpenDocument-dokument."
MSG_OLD_WORD = (
    "Filen är i det gamla Word-formatet (.doc). Spara den som DOCX eller PDF "
    "och försök igen."
)
MSG_ENCRYPTED = "PDF-filen är lösenordsskyddad eller krypterad och kan inte läsas."
MSG_CORRUPT_PDF = "PDF-filen är skadad och kan inte läsas."
MSG_CORRUPT_DOCX = "Word-filen (DOCX) är skadad och kan inte läsas."
MSG_CORRUPT_ODT = "OpenDocument-filen (ODT) är skadad och kan inte läsas."
MSG_ZIP_BOMB = (
    "Filen packas upp till orimligt mycket data (möjlig zip-bomb) och läses inte."
)
MSG_TOO_MANY_PAGES = "Dokumentet har för många sidor ({pages}); gränsen är {limit}."
MSG_SCANNED = (
    "Dokumentet verkar vara inskannat: det saknar textlager. "
    "Kör textigenkänning (OCR) först och försök igen."
)
MSG_NO_TEXT = "Dokumentet innehåller ingen läsbar text."
MSG_NOT_SWEDISH = (
    "Dokumentet verkar inte vara skrivet på svenska. Jämkoll kan bara "
    "analysera svenska texter."
)
MSG_BAD_ENCODING = "Textfilen har en teckenkodning som inte kan läsas."


class ReaderError(Exception):
    """A document could not be read; ``message`` is Swedish and user-facing."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
