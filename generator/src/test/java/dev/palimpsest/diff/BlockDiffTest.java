package dev.palimpsest.diff;

import static dev.palimpsest.diff.DiffInvariants.assertKeepsReadingOrder;
import static dev.palimpsest.diff.DiffRow.Kind.ADDED;
import static dev.palimpsest.diff.DiffRow.Kind.CHANGED;
import static dev.palimpsest.diff.DiffRow.Kind.MERGED;
import static dev.palimpsest.diff.DiffRow.Kind.MOVED_FROM;
import static dev.palimpsest.diff.DiffRow.Kind.MOVED_TO;
import static dev.palimpsest.diff.DiffRow.Kind.REMOVED;
import static dev.palimpsest.diff.DiffRow.Kind.SAME;
import static dev.palimpsest.diff.DiffRow.Kind.SPLIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.palimpsest.diff.Segment.Mark;
import dev.palimpsest.normalise.Block;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlockDiffTest {
  private static final Block INTRO = p("Welcome to the service, read these terms carefully.");
  private static final Block DATA = p("We collect your name and email address to run accounts.");
  private static final Block ADS = p("We show advertising based on the pages you visit.");
  private static final Block LAW = p("These terms are governed by the laws of Ireland.");
  private static final Block END = p("Thank you for reading all of this.");

  @Test
  void identicalVersionsAreAllSame() {
    Diff diff = compare(List.of(INTRO, DATA), List.of(INTRO, DATA));
    assertEquals(List.of(SAME, SAME), kinds(diff));
    assertEquals(List.of(new Segment(INTRO.text(), Mark.SAME)),
        diff.rows().get(0).oldCell().segments());
    assertEquals(0, diff.wordsAdded());
    assertEquals(0, diff.wordsRemoved());
    assertEquals(0, diff.movedBlocks());
    assertFalse(diff.coarse());
  }

  @Test
  void emptyVersionsHaveNoRows() {
    assertEquals(List.of(), compare(List.of(), List.of()).rows());
  }

  @Test
  void anInsertedBlockIsAdded() {
    Diff diff = compare(List.of(INTRO, LAW), List.of(INTRO, ADS, LAW));
    assertEquals(List.of(SAME, ADDED, SAME), kinds(diff));
    assertEquals(List.of(new Segment(ADS.text(), Mark.ADDED)),
        diff.rows().get(1).newCell().segments());
    assertEquals(9, diff.wordsAdded());
    assertEquals(0, diff.wordsRemoved());
  }

  @Test
  void aDeletedBlockIsRemoved() {
    Diff diff = compare(List.of(INTRO, ADS, LAW), List.of(INTRO, LAW));
    assertEquals(List.of(SAME, REMOVED, SAME), kinds(diff));
    assertEquals(9, diff.wordsRemoved());
  }

  @Test
  void everythingNewAgainstNothing() {
    Diff diff = compare(List.of(), List.of(INTRO, DATA));
    assertEquals(List.of(ADDED, ADDED), kinds(diff));
  }

  @Test
  void anEditedBlockPairsWithItsOldSelf() {
    Block edited = p("We collect your name, phone and email address to run accounts.");
    Diff diff = compare(List.of(INTRO, DATA, LAW), List.of(INTRO, edited, LAW));
    assertEquals(List.of(SAME, CHANGED, SAME), kinds(diff));
    DiffRow row = diff.rows().get(1);
    assertEquals(DATA, row.oldCell().block());
    assertEquals(edited, row.newCell().block());
    assertEquals(List.of(new Segment("We collect your name", Mark.SAME),
        new Segment(", phone", Mark.ADDED),
        new Segment(" and email address to run accounts.", Mark.SAME)), row.newCell().segments());
    assertEquals(1, diff.wordsAdded());
    assertEquals(0, diff.wordsRemoved());
  }

  @Test
  void twoEditsInOneRegionPairInOrderBesideANewBlock() {
    Block data2 = p("We collect your name and postal address to run accounts.");
    Block ads2 = p("We show advertising based on the apps you use.");
    Block fresh = p("Completely unrelated novel paragraph about refunds.");
    Diff diff = compare(List.of(INTRO, DATA, ADS, LAW), List.of(INTRO, data2, fresh, ads2, LAW));
    assertEquals(List.of(SAME, CHANGED, ADDED, CHANGED, SAME), kinds(diff));
    assertEquals(DATA, diff.rows().get(1).oldCell().block());
    assertEquals(ADS, diff.rows().get(3).oldCell().block());
  }

  @Test
  void dissimilarBlocksAreRemovedAndAddedNotPaired() {
    Block other = p("Refunds are issued within fourteen days of a request.");
    Diff diff = compare(List.of(INTRO, DATA, LAW), List.of(INTRO, other, LAW));
    assertEquals(List.of(SAME, REMOVED, ADDED, SAME), kinds(diff));
  }

  @Test
  void aMovedParagraphIsShownAsMovedAtBothPlaces() {
    Diff diff = compare(List.of(INTRO, DATA, ADS, LAW, END), List.of(INTRO, ADS, LAW, DATA, END));
    assertEquals(List.of(SAME, MOVED_FROM, SAME, SAME, MOVED_TO, SAME), kinds(diff));
    assertEquals(1, diff.rows().get(1).moveId());
    assertEquals(1, diff.rows().get(4).moveId());
    assertEquals(List.of(new Segment(DATA.text(), Mark.SAME)),
        diff.rows().get(4).newCell().segments());
    assertEquals(1, diff.movedBlocks());
    assertEquals(0, diff.wordsAdded());
    assertEquals(0, diff.wordsRemoved());
  }

  @Test
  void shortRepeatedBlocksAreNotMoves() {
    Block yes = p("Yes.");
    Diff diff = compare(List.of(yes, INTRO, DATA), List.of(INTRO, DATA, yes));
    assertEquals(List.of(REMOVED, SAME, SAME, ADDED), kinds(diff));
    assertEquals(0, diff.movedBlocks());
  }

  @Test
  void movesAreNumberedInNewDocumentOrder() {
    Diff diff = compare(List.of(DATA, ADS, INTRO, LAW), List.of(INTRO, ADS, DATA, LAW));
    assertKeepsReadingOrder(List.of(DATA, ADS, INTRO, LAW), List.of(INTRO, ADS, DATA, LAW), diff);
    List<Integer> newSideIds = new ArrayList<>();
    for (DiffRow row : diff.rows()) {
      if (row.kind() == MOVED_TO) {
        newSideIds.add(row.moveId());
      }
    }
    assertEquals(List.of(1, 2), newSideIds);
  }

  @Test
  void aDuplicatedParagraphIsAddedOnce() {
    Diff diff = compare(List.of(INTRO, DATA, LAW), List.of(INTRO, DATA, DATA, LAW));
    assertEquals(List.of(SAME, SAME, ADDED, SAME), kinds(diff));
    assertEquals(0, diff.movedBlocks());
  }

  @Test
  void duplicatesMoveOneForOne() {
    List<Block> old = List.of(p(DATA.text()), INTRO, p(DATA.text()), LAW, END);
    List<Block> neu = List.of(INTRO, LAW, p(DATA.text()), END, p(DATA.text()), p(DATA.text()));
    Diff diff = compare(old, neu);
    assertEquals(2, diff.movedBlocks());
    assertEquals(1, kinds(diff).stream().filter(k -> k == ADDED).count());
  }

  @Test
  void aReorderedDocumentKeepsBothReadingOrders() {
    List<Block> old = List.of(INTRO, DATA, ADS, LAW, END);
    List<Block> neu = List.of(END, LAW, ADS, DATA, INTRO);
    Diff diff = compare(old, neu);
    assertEquals(4, diff.movedBlocks());
    assertEquals(0, diff.wordsAdded());
  }

  @Test
  void aKindChangeWithTheSameTextIsSame() {
    Block heading = Block.heading(2, LAW.text());
    Diff diff = compare(List.of(INTRO, LAW), List.of(INTRO, heading));
    assertEquals(List.of(SAME, SAME), kinds(diff));
    assertEquals(heading, diff.rows().get(1).newCell().block());
  }

  @Test
  void aCapitalisedParagraphStillPairsWithItself() {
    Block shouted = p(ADS.text().toUpperCase(java.util.Locale.ROOT));
    Diff diff = compare(List.of(INTRO, ADS), List.of(INTRO, shouted));
    assertEquals(List.of(SAME, CHANGED), kinds(diff));
  }

  @Test
  void aRegionTooLargeForTheProgrammePairsByPosition() {
    List<Block> old = new ArrayList<>();
    List<Block> neu = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      old.add(p("Clause " + i + " says that we may change these terms at any time"));
      neu.add(p("Clause " + i + " says that we may change these terms with notice"));
    }
    Diff diff = compare(old, neu);
    assertEquals(600, diff.rows().size());
    for (int i = 0; i < 600; i++) {
      DiffRow row = diff.rows().get(i);
      assertEquals(CHANGED, row.kind());
      assertEquals(old.get(i), row.oldCell().block());
      assertEquals(neu.get(i), row.newCell().block());
    }
  }

  @Test
  void similarityIsTheDiceCoefficientOfWordMultisets() {
    assertEquals(1.0, BlockDiff.similarity(new int[] {1, 2, 2}, new int[] {1, 2, 2}));
    assertEquals(0.8, BlockDiff.similarity(new int[] {1, 2, 3}, new int[] {1, 2}), 1e-9);
    assertEquals(0.0, BlockDiff.similarity(new int[] {}, new int[] {}));
    assertEquals(0.0, BlockDiff.similarity(new int[] {1}, new int[] {1, 1, 1, 1}));
  }

  @Test
  void aQuoteOnlyChangeIsACosmeticPairLeftOutOfTheCounts() {
    Block curly = p("We don’t sell your “personal data” – ever.");
    Block straight = p("We don't sell your \"personal data\" - ever.");
    Diff diff = compare(List.of(INTRO, curly, LAW), List.of(INTRO, straight, LAW));
    assertEquals(List.of(SAME, CHANGED, SAME), kinds(diff));
    assertTrue(diff.rows().get(1).cosmetic());
    assertTrue(diff.rows().get(1).edited(), "the changed quotes are still marked");
    assertEquals(0, diff.wordsAdded());
    assertEquals(0, diff.wordsRemoved());
  }

  @Test
  void aRealEditIsNotCosmetic() {
    Diff diff = compare(List.of(p("The storm left 19 dead in the valley.")),
        List.of(p("The storm left 21 dead in the valley.")));
    assertEquals(List.of(CHANGED), kinds(diff));
    assertFalse(diff.rows().get(0).cosmetic());
    assertEquals(List.of(new Segment("The storm left ", Mark.SAME),
        new Segment("19", Mark.REMOVED), new Segment(" dead in the valley.", Mark.SAME)),
        diff.rows().get(0).oldCell().segments());
    assertEquals(1, diff.wordsAdded());
    assertEquals(1, diff.wordsRemoved());
  }

  @Test
  void aParagraphThatMovedAndChangedIsAnEditedMove() {
    Block edited = p("We collect your name and email address to run your accounts.");
    Diff diff = compare(List.of(INTRO, DATA, ADS, LAW, END),
        List.of(INTRO, ADS, LAW, edited, END));
    assertEquals(List.of(SAME, MOVED_FROM, SAME, SAME, MOVED_TO, SAME), kinds(diff));
    DiffRow from = diff.rows().get(1);
    DiffRow to = diff.rows().get(4);
    assertEquals(from.moveId(), to.moveId());
    assertTrue(to.edited());
    assertTrue(to.newCell().segments().contains(new Segment("your ", Mark.ADDED)),
        to.newCell().segments().toString());
    assertEquals(1, diff.movedBlocks());
    assertEquals(1, diff.wordsAdded());
    assertEquals(0, diff.wordsRemoved());
  }

  @Test
  void aFarAwayParagraphSharingHalfItsWordsIsNotAMove() {
    Block other = p("We collect cookies and pages to run advertising on the site.");
    Diff diff = compare(List.of(DATA, ADS, LAW, END), List.of(ADS, LAW, END, other));
    assertEquals(0, diff.movedBlocks());
  }

  @Test
  void aParagraphSplitInTwoIsShownAgainstBothParts() {
    Block whole = p("We collect your name and email address to run accounts. We show "
        + "advertising based on the pages you visit.");
    Diff diff = compare(List.of(INTRO, whole, END), List.of(INTRO, DATA, ADS, END));
    assertEquals(List.of(SAME, SPLIT, SPLIT, SAME), kinds(diff));
    assertEquals(whole, diff.rows().get(1).oldCell().block());
    assertNull(diff.rows().get(2).oldCell());
    assertEquals(0, diff.wordsAdded());
    assertEquals(0, diff.wordsRemoved());
  }

  @Test
  void twoParagraphsMergedIntoOneAreShownAgainstIt() {
    Block whole = p("We collect your name and email address to run accounts, and show "
        + "advertising based on the pages you visit.");
    Diff diff = compare(List.of(INTRO, DATA, ADS, END), List.of(INTRO, whole, END));
    assertEquals(List.of(SAME, MERGED, MERGED, SAME), kinds(diff));
    assertEquals(whole, diff.rows().get(1).newCell().block());
    assertNull(diff.rows().get(2).newCell());
    assertEquals(1, diff.wordsAdded(), "the new 'and'");
    assertEquals(1, diff.wordsRemoved(), "the old 'We'");
  }

  @Test
  void anEditedParagraphFollowedByAnUnrelatedNewOneIsNotASplit() {
    Block edited = p("We collect your name and phone number to run accounts.");
    Diff diff = compare(List.of(INTRO, DATA, END), List.of(INTRO, edited, ADS, END));
    assertEquals(List.of(SAME, CHANGED, ADDED, SAME), kinds(diff));
  }

  @Test
  void chineseTextIsComparedCharacterByCharacter() {
    Diff diff = compare(List.of(p("我们收集您的姓名和电子邮件地址。")),
        List.of(p("我们收集您的姓名和电话号码。")));
    assertEquals(List.of(CHANGED), kinds(diff));
    assertEquals(List.of(new Segment("我们收集您的姓名和电", Mark.SAME),
        new Segment("子邮件地址", Mark.REMOVED), new Segment("。", Mark.SAME)),
        diff.rows().get(0).oldCell().segments());
    assertEquals(5, diff.wordsRemoved());
    assertEquals(3, diff.wordsAdded());
  }

  @Test
  void aParagraphCutIntoItsLinesIsSplitThoughNoLineAlonePairsWithIt() {
    Block whole = p("SHEIN is a group of affiliated companies operating under several brand "
        + "names throughout the world. Collectively, the group provides consumer access to a "
        + "global ecommerce platform or, in some jurisdictions, a marketplace.");
    List<Block> lines = List.of(
        p("SHEIN is a group of affiliated companies operating under several brand names"),
        p("throughout the world. Collectively, the group provides consumer access to a"),
        p("global ecommerce platform or, in some jurisdictions, a marketplace."));
    List<Block> newBlocks = new ArrayList<>(List.of(INTRO));
    newBlocks.addAll(lines);
    newBlocks.add(END);
    Diff diff = compare(List.of(INTRO, whole, END), newBlocks);
    assertEquals(List.of(SAME, SPLIT, SPLIT, SPLIT, SAME), kinds(diff));
    assertEquals(0, diff.wordsAdded());
    assertEquals(0, diff.wordsRemoved());
    Diff back = compare(newBlocks, List.of(INTRO, whole, END));
    assertEquals(List.of(SAME, MERGED, MERGED, MERGED, SAME), kinds(back));
  }

  private static Diff compare(List<Block> oldBlocks, List<Block> newBlocks) {
    Diff diff = BlockDiff.compare(oldBlocks, newBlocks);
    assertKeepsReadingOrder(oldBlocks, newBlocks, diff);
    return diff;
  }

  private static List<DiffRow.Kind> kinds(Diff diff) {
    return diff.rows().stream().map(DiffRow::kind).toList();
  }

  private static Block p(String text) {
    return Block.paragraph(text);
  }
}
