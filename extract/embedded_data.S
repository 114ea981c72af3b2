// Data files built into the binary: the tagger's model, the gazetteers and
// the dictionary's words.
// Paths are found through the include path (the project's source root).
  .section .rodata
  .balign 16
  .global newsdesk_ner_model_begin
  .global newsdesk_ner_model_end
newsdesk_ner_model_begin:
  .incbin "extract/data/ner-tagger.model"
newsdesk_ner_model_end:
  .byte 0
  .balign 16
  .global newsdesk_gazetteers_begin
  .global newsdesk_gazetteers_end
newsdesk_gazetteers_begin:
  .incbin "extract/data/gazetteers.tsv"
newsdesk_gazetteers_end:
  .byte 0
  .balign 16
  .global newsdesk_dictionary_begin
  .global newsdesk_dictionary_end
newsdesk_dictionary_begin:
  .incbin "extract/data/dictionary.txt"
newsdesk_dictionary_end:
  .byte 0
  .section .note.GNU-stack,"",@progbits
