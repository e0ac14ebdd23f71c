"""Generates the media and artist manifests of the demonstration exhibition.

Usage: ``python assets/make_demo.py assets/demo`` (``make demo``). Needs Pillow, ffmpeg (libx264,
aac) and espeak-ng. Everything it makes is visibly a placeholder: a test pattern for videos, a
drawn silhouette for portraits, synthetic speech that says it is a demonstration, wordmarks
instead of real logos. ``exhibition.toml``, ``programme.toml`` and ``about.toml`` are written by
hand and only read here. The output is committed (under 15 MB); run again only to change it.
"""

# ruff: noqa: E501  (the artist manifest template below holds long lines of visitor text)
from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import wave
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

FONT_DIR = Path("/usr/share/fonts/truetype/noto")
LANGUAGES = ("fr", "en", "ar", "es", "de")
ARTIST_COLOURS = ((0xB8, 0x4A, 0x1C), (0x1F, 0x5F, 0x8B), (0x3C, 0x7A, 0x3A))

# What the example video says (espeak-ng, French) and its captions in each language.
VIDEO_LINES = {
    "fr": ("Bonjour, ceci est une vidéo de démonstration.",
           "Ici, un musicien ou une musicienne racontera son histoire.",
           "Les sous-titres suivront la voix, dans la langue choisie."),
    "en": ("Hello, this is a demonstration video.",
           "Here, a musician will tell their story.",
           "The captions will follow the voice, in the chosen language."),
    "ar": ("مرحبًا، هذا فيديو تجريبي.",
           "هنا سيروي موسيقي أو موسيقية حكايته.",
           "ستتبع الترجمة الصوت باللغة المختارة."),
    "es": ("Hola, este es un vídeo de demostración.",
           "Aquí, un músico o una música contará su historia.",
           "Los subtítulos seguirán la voz, en el idioma elegido."),
    "de": ("Hallo, dies ist ein Demonstrationsvideo.",
           "Hier wird eine Musikerin oder ein Musiker die eigene Geschichte erzählen.",
           "Die Untertitel folgen der Stimme in der gewählten Sprache."),
}  # fmt: skip
AUDIO_LINES = {
    "fr": ("Ceci est un enregistrement de démonstration.",
           "Ici, l'artiste parlera de sa musique et de la Seine-Saint-Denis.",
           "La transcription écrite de l'entretien s'affichera à côté."),
    "en": ("This is a demonstration recording.",
           "Here, the artist will talk about their music and about Seine-Saint-Denis.",
           "The written transcript of the interview will be shown alongside."),
    "ar": ("هذا تسجيل تجريبي.",
           "هنا سيتحدث الفنان عن موسيقاه وعن سين سان دوني.",
           "سيظهر النص المكتوب للمقابلة بجانبه."),
    "es": ("Esta es una grabación de demostración.",
           "Aquí, el artista hablará de su música y de Seine-Saint-Denis.",
           "La transcripción escrita de la entrevista aparecerá al lado."),
    "de": ("Dies ist eine Demonstrationsaufnahme.",
           "Hier wird die Künstlerin oder der Künstler über die eigene Musik und über "
           "Seine-Saint-Denis sprechen.",
           "Die schriftliche Abschrift des Interviews erscheint daneben."),
}  # fmt: skip
TRANSCRIPT_HEADINGS = {
    "fr": ("Transcription (exemple)", "Enregistrement en français."),
    "en": ("Transcript (example)", "Recorded in French; translated transcript."),
    "ar": ("النص المكتوب (مثال)", "التسجيل باللغة الفرنسية؛ نص مترجم."),
    "es": ("Transcripción (ejemplo)", "Grabación en francés; transcripción traducida."),
    "de": ("Abschrift (Beispiel)", "Aufnahme auf Französisch; übersetzte Abschrift."),
}
# The artist manifest, "{n}" standing for the artist's number.
ARTIST_TEMPLATE = r'''# Fiche d'artiste de DÉMONSTRATION (générée par assets/make_demo.py).
# Ce n'est pas une vraie personne : remplacez tout ce fichier par la fiche d'un·e artiste réel·le.
# Demonstration artist entry: not a real person. Paths are relative to this folder.

[artist]
name = "Artiste exemple {n}"
example = true
order = {n}
portrait = "portrait.jpg"
photos = ["photos/photo-1.jpg", "photos/photo-2.jpg", "photos/photo-3.jpg"]

[artist.instrument]
fr = "Instrument à préciser"
en = "Instrument to be specified"
ar = "الآلة الموسيقية لاحقًا"
es = "Instrumento por precisar"
de = "Instrument folgt"

[artist.origin]
fr = "Origine à préciser"
en = "Origin to be specified"
ar = "الأصل لاحقًا"
es = "Origen por precisar"
de = "Herkunft folgt"

[artist.bio]
fr = """Contenu de démonstration. Ici figurera la biographie de l'artiste, rédigée avec lui ou elle \
par l'association Afrisson : son parcours musical, son arrivée en Seine-Saint-Denis, les lieux où \
il ou elle joue. Cette fiche d'exemple ne décrit pas une personne réelle."""
en = """Demonstration content. The artist's biography will go here, written with them by the \
Afrisson association: their musical path, how they came to Seine-Saint-Denis, the places where \
they play. This example entry does not describe a real person."""
ar = """محتوى تجريبي. ستظهر هنا سيرة الفنان التي تكتبها معه جمعية أفريسون: مسيرته الموسيقية، \
ووصوله إلى سين سان دوني، والأماكن التي يعزف فيها. هذه البطاقة مثال ولا تصف شخصًا حقيقيًا."""
es = """Contenido de demostración. Aquí figurará la biografía del artista, redactada con él o ella \
por la asociación Afrisson: su trayectoria musical, su llegada a Seine-Saint-Denis, los lugares \
donde toca. Esta ficha de ejemplo no describe a una persona real."""
de = """Demonstrationsinhalt. Hier steht später die Biografie, gemeinsam mit dem Verein Afrisson \
verfasst: der musikalische Weg, die Ankunft in Seine-Saint-Denis, die Orte, an denen gespielt \
wird. Dieser Beispieleintrag beschreibt keine reale Person."""

[[story]]
id = "artiste-exemple-{n}-video"
kind = "video"
media = "stories/video.mp4"

[story.title]
fr = "Vidéo d'exemple : un portrait filmé"
en = "Example video: a filmed portrait"
ar = "فيديو تجريبي: بورتريه مصوَّر"
es = "Vídeo de ejemplo: un retrato filmado"
de = "Beispielvideo: ein gefilmtes Porträt"

[story.summary]
fr = "Ici, une vidéo où l'artiste raconte son 93. Cette mire de test la remplace en attendant."
en = "Here, a video in which the artist tells about their 93. This test pattern stands in for now."
ar = "هنا سيُعرض فيديو يروي فيه الفنان حكايته مع الـ93. صورة الاختبار هذه تحل محله مؤقتًا."
es = "Aquí, un vídeo en el que el artista cuenta su 93. Esta carta de ajuste lo sustituye por ahora."
de = "Hier erzählt die Person im Video von ihrem 93. Dieses Testbild steht vorerst an seiner Stelle."

[story.captions]
fr = "stories/video.fr.vtt"
en = "stories/video.en.vtt"
ar = "stories/video.ar.vtt"
es = "stories/video.es.vtt"
de = "stories/video.de.vtt"

[[story]]
id = "artiste-exemple-{n}-entretien"
kind = "audio"
media = "stories/entretien.m4a"

[story.title]
fr = "Entretien audio d'exemple"
en = "Example audio interview"
ar = "مقابلة صوتية تجريبية"
es = "Entrevista de audio de ejemplo"
de = "Beispiel-Audiointerview"

[story.summary]
fr = "Ici, un entretien enregistré avec l'artiste, avec sa transcription."
en = "Here, a recorded interview with the artist, with its transcript."
ar = "هنا مقابلة مسجلة مع الفنان مع نصها المكتوب."
es = "Aquí, una entrevista grabada con el artista, con su transcripción."
de = "Hier ein aufgezeichnetes Interview mit Abschrift."

[story.captions]
fr = "stories/entretien.fr.vtt"
en = "stories/entretien.en.vtt"
ar = "stories/entretien.ar.vtt"
es = "stories/entretien.es.vtt"
de = "stories/entretien.de.vtt"

[story.transcripts]
fr = "stories/entretien.fr.md"
en = "stories/entretien.en.md"
ar = "stories/entretien.ar.md"
es = "stories/entretien.es.md"
de = "stories/entretien.de.md"
'''
LOGOS = {
    "afrisson": "Afrisson",
    "maison-de-quartier-pierre-semard": "Maison de Quartier Pierre Sémard",
    "mc2cm": "MC2CM",
    "cglu": "CGLU · UCLG",
    "onu-habitat": "ONU-Habitat · UN-Habitat",
    "icmpd": "ICMPD",
    "ue-dg-near": "Union européenne · DG NEAR",
    "ddc": "DDC · SDC (Suisse)",
    "appel-a-agir-2021": "Appel à Agir 2021",
}


def font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    name = "NotoSans-Bold.ttf" if bold else "NotoSans-Regular.ttf"
    return ImageFont.truetype(str(FONT_DIR / name), size)


def centred(draw: ImageDraw.ImageDraw, box: tuple[int, int], y: int, text: str, size: int,
            fill: tuple[int, int, int], bold: bool = False) -> None:  # fmt: skip
    face = font(size, bold)
    width = draw.textlength(text, font=face)
    draw.text(((box[0] - width) / 2, y), text, font=face, fill=fill)


def portrait(path: Path, number: int, colour: tuple[int, int, int]) -> None:
    """A silhouette that cannot be mistaken for a real person's photo."""
    image = Image.new("RGB", (800, 1000), colour)
    draw = ImageDraw.Draw(image)
    light = tuple(min(255, c + 70) for c in colour)
    draw.ellipse((270, 190, 530, 450), fill=light)
    draw.rounded_rectangle((170, 480, 630, 1000), radius=160, fill=light)
    draw.rectangle((0, 0, 800, 130), fill=(20, 20, 20))
    centred(draw, (800, 0), 30, f"Artiste exemple {number}", 56, (255, 255, 255), bold=True)
    draw.rectangle((0, 880, 800, 1000), fill=(20, 20, 20))
    centred(draw, (800, 0), 900, "Portrait à venir · Portrait to come", 36, (255, 220, 120))
    image.save(path, "JPEG", quality=82, optimize=True)


def photo(path: Path, number: int, index: int, colour: tuple[int, int, int]) -> None:
    """An abstract drawing (strings and a drum skin), clearly labelled as an example."""
    image = Image.new("RGB", (1280, 853), (245, 240, 230))
    draw = ImageDraw.Draw(image)
    for ring in range(8, 0, -1):
        shade = tuple(int(c * (0.5 + ring / 16)) for c in colour)
        r = ring * 45
        draw.ellipse((420 - r, 430 - r, 420 + r, 430 + r), fill=shade)
    for string in range(10):
        x = 800 + string * 40 + index * 8
        draw.line((x, 80, x - 120, 780), fill=(60, 40, 20), width=4)
    draw.rectangle((0, 0, 1280, 110), fill=(20, 20, 20))
    label = f"Photo d'exemple {index} · Artiste exemple {number}"
    centred(draw, (1280, 0), 25, label, 48, (255, 255, 255), bold=True)
    if index == 2:
        # Stored turned on its side with an EXIF orientation tag, as cameras do: the kiosk must
        # show it upright (the image pipeline applies the tag).
        exif = Image.Exif()
        exif[0x0112] = 6
        image.rotate(90, expand=True).save(path, "JPEG", quality=80, exif=exif)
    else:
        image.save(path, "JPEG", quality=80, optimize=True)


def wordmark(path: Path, text: str) -> None:
    """A plain wordmark standing in for a logo (real logos come from each organisation)."""
    face = font(64, bold=True)
    probe = ImageDraw.Draw(Image.new("RGBA", (1, 1)))
    width = int(probe.textlength(text, font=face)) + 80
    image = Image.new("RGBA", (max(width, 300), 140), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((2, 2, image.width - 3, 137), radius=24, outline=(30, 30, 30), width=4)
    draw.text((40, 28), text, font=face, fill=(30, 30, 30))
    image.save(path, "PNG", optimize=True)


def attract_image(path: Path, index: int) -> None:
    image = Image.new("RGB", (1920, 1080), ARTIST_COLOURS[index % 3])
    draw = ImageDraw.Draw(image)
    for band in range(12):
        y = 140 + band * 70
        draw.arc((-400, y - 600, 2320, y + 600), 200, 340, fill=(255, 230, 170), width=6)
    draw.rectangle((0, 860, 1920, 1080), fill=(20, 20, 20))
    centred(draw, (1920, 0), 880, "Les musiciens africains racontent leur 93", 72,
            (255, 255, 255), bold=True)  # fmt: skip
    centred(draw, (1920, 0), 985, "Contenu de démonstration · Demonstration content", 44,
            (255, 220, 120))  # fmt: skip
    image.save(path, "JPEG", quality=78, optimize=True)


def speak(lines: tuple[str, ...], work: Path, stem: str) -> tuple[Path, list[tuple[float, float]]]:
    """One WAV of the French sentences with a pause between, and each sentence's time span."""
    spans, parts, clock = [], [], 0.5
    for index, sentence in enumerate(lines):
        part = work / f"{stem}-{index}.wav"
        subprocess.run(["espeak-ng", "-v", "fr", "-s", "150", "-w", str(part), sentence],
                       check=True)  # fmt: skip
        with wave.open(str(part)) as sound:
            length = sound.getnframes() / sound.getframerate()
        spans.append((clock, clock + length))
        clock += length + 0.4
        parts.append(part)
    joined = work / f"{stem}.wav"
    inputs = [arg for part in parts for arg in ("-i", str(part))]
    chain = "".join(f"[{i}:a]apad=pad_dur=0.4[p{i}];" for i in range(len(parts)))
    chain += "".join(f"[p{i}]" for i in range(len(parts))) + f"concat=n={len(parts)}:v=0:a=1,"
    chain += "adelay=500:all=1[out]"
    ffmpeg(*inputs, "-filter_complex", chain, "-map", "[out]", str(joined))
    return joined, spans


def ffmpeg(*args: str) -> None:
    subprocess.run(["ffmpeg", "-y", "-loglevel", "error", *args], check=True)


def stamp(seconds: float) -> str:
    minutes, rest = divmod(seconds, 60)
    return f"{int(minutes):02d}:{rest:06.3f}"


def write_vtt(path: Path, lines: tuple[str, ...], spans: list[tuple[float, float]]) -> None:
    cues = [f"{stamp(a)} --> {stamp(b)}\n{text}" for text, (a, b) in zip(lines, spans, strict=True)]
    path.write_text("WEBVTT\n\n" + "\n\n".join(cues) + "\n", "utf-8")


def video(path: Path, speech: Path, duration: float, number: int, work: Path) -> None:
    """testsrc2 (a moving test pattern) with a label, the speech, H.264 + AAC in MP4."""
    label = work / f"label-{number}.png"
    image = Image.new("RGBA", (640, 60), (0, 0, 0, 190))
    ImageDraw.Draw(image).text((20, 12), f"Artiste exemple {number} · vidéo de démonstration",
                               font=font(24, bold=True), fill=(255, 255, 255))  # fmt: skip
    image.save(label)
    ffmpeg("-f", "lavfi", "-i", f"testsrc2=size=640x360:rate=25:duration={duration:.2f}",
           "-i", str(label), "-i", str(speech),
           "-filter_complex", "[0:v][1:v]overlay=0:300[v]", "-map", "[v]", "-map", "2:a",
           "-c:v", "libx264", "-preset", "veryfast", "-crf", "32", "-pix_fmt", "yuv420p",
           "-c:a", "aac", "-b:a", "48k", "-ac", "1", "-t", f"{duration:.2f}",
           "-movflags", "+faststart", str(path))  # fmt: skip


def audio(path: Path, speech: Path) -> None:
    ffmpeg("-i", str(speech), "-c:a", "aac", "-b:a", "40k", "-ac", "1", "-movflags",
           "+faststart", str(path))  # fmt: skip


def transcript(path: Path, language: str, lines: tuple[str, ...]) -> None:
    heading, note = TRANSCRIPT_HEADINGS[language]
    body = "\n\n".join(lines)
    path.write_text(f"# {heading}\n\n*{note}*\n\n{body}\n", "utf-8")


def artist_toml(number: int) -> str:
    return ARTIST_TEMPLATE.replace("{n}", str(number))


def main(out: Path) -> int:
    if not shutil.which("ffmpeg") or not shutil.which("espeak-ng"):
        print("make_demo: needs ffmpeg and espeak-ng", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        video_speech, video_spans = speak(VIDEO_LINES["fr"], work, "video")
        audio_speech, audio_spans = speak(AUDIO_LINES["fr"], work, "audio")
        duration = video_spans[-1][1] + 1.0
        for number, colour in enumerate(ARTIST_COLOURS, start=1):
            folder = out / "artists" / f"artiste-exemple-{number}"
            (folder / "photos").mkdir(parents=True, exist_ok=True)
            (folder / "stories").mkdir(exist_ok=True)
            portrait(folder / "portrait.jpg", number, colour)
            for index in (1, 2, 3):
                photo(folder / "photos" / f"photo-{index}.jpg", number, index, colour)
            video(folder / "stories" / "video.mp4", video_speech, duration, number, work)
            audio(folder / "stories" / "entretien.m4a", audio_speech)
            for language in LANGUAGES:
                write_vtt(folder / "stories" / f"video.{language}.vtt", VIDEO_LINES[language],
                          video_spans)  # fmt: skip
                transcript(folder / "stories" / f"entretien.{language}.md", language,
                           AUDIO_LINES[language])  # fmt: skip
                write_vtt(folder / "stories" / f"entretien.{language}.vtt", AUDIO_LINES[language],
                          audio_spans)  # fmt: skip
            (folder / "artist.toml").write_text(artist_toml(number), "utf-8")
    (out / "logos").mkdir(exist_ok=True)
    for name, text in LOGOS.items():
        wordmark(out / "logos" / f"{name}.png", text)
    (out / "attract").mkdir(exist_ok=True)
    for index in (1, 2, 3):
        attract_image(out / "attract" / f"accueil-{index}.jpg", index)
    total = sum(f.stat().st_size for f in out.rglob("*") if f.is_file())
    print(f"demo written to {out}: {total / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).parent / "demo")))
