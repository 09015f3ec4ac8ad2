"""Speech out and in, behind small interfaces the app can run without (touch and text only).

Speech out: `voice.speaker.Speaker`; real `voice.espeak_speaker.EspeakSpeaker`, fake `voice.fake_speaker.FakeSpeaker`.
Speech in: `voice.recognizer.Recognizer`; real `voice.vosk_recognizer.VoskRecognizer`, fake `voice.fake_recognizer.FakeRecognizer`.
Commands as data: `voice.grammar.CommandGrammar` (voice/grammar/<lang>.yaml). Device checks: `voice.doctor.voice_checks`.
"""
