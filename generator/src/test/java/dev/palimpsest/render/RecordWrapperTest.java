package dev.palimpsest.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.palimpsest.document.DocumentViews;
import dev.palimpsest.site.SiteViews;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapper;
import freemarker.template.Template;
import freemarker.template.TemplateCollectionModel;
import freemarker.template.TemplateHashModelEx;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelIterator;
import freemarker.template.utility.DeepUnwrap;
import java.io.StringWriter;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Templates see the page models exactly as FreeMarker's default wrapper shows them. */
class RecordWrapperTest {
  static final RecordWrapper FAST = new RecordWrapper(Configuration.VERSION_2_3_34);
  static final DefaultObjectWrapper DEFAULT =
      new DefaultObjectWrapper(Configuration.VERSION_2_3_34);

  @Test
  void everyPageModelGivesTheSameNamesAndValues() throws Exception {
    List<Class<?>> models = new ArrayList<>();
    models.add(PageContext.class);
    models.addAll(List.of(DocumentViews.class.getClasses()));
    models.addAll(List.of(SiteViews.class.getClasses()));
    int records = 0;
    for (Class<?> type : models) {
      if (!type.isRecord()) {
        continue;
      }
      records++;
      for (String kind : List.of("split", "paragraph", "heading", "moved-from", "same")) {
        Record record = sample(type, kind);
        TemplateHashModelEx fast = (TemplateHashModelEx) FAST.wrap(record);
        TemplateHashModelEx usual = (TemplateHashModelEx) DEFAULT.wrap(record);
        List<String> keys = keys(usual);
        assertEquals(keys, keys(fast), type.getSimpleName());
        assertFalse(keys.isEmpty(), type.getSimpleName());
        for (String key : keys) {
          TemplateModel expected = usual.get(key);
          TemplateModel actual = fast.get(key);
          if (expected instanceof TemplateMethodModelEx) {
            // equals, toString and the like: both are the default wrapper's method
            assertEquals(expected.getClass(), actual.getClass(), type.getSimpleName() + key);
          } else {
            assertEquals(unwrap(expected), unwrap(actual), type.getSimpleName() + "." + key);
          }
        }
        assertEquals(unwrap(usual.get("noSuchName")), unwrap(fast.get("noSuchName")));
      }
    }
    assertTrue(records >= 15, "found only " + records + " page models");
  }

  @Test
  void templatesReadValuesCallMethodsAndListKeysAsBefore() throws Exception {
    String probe = """
        ${b.kind} ${b.level} ${b.paragraph?c} ${b.kind()} ${b.paragraph()?c} \
        <#list b?keys?sort as k>${k} </#list>${b?has_content?c} ${b?is_hash?c} \
        ${b.toString()} ${b} <#if b.text??>${b.text}<#else>no text</#if>""";
    Map<String, Object> model = Map.of("b", new DocumentViews.BlockView("paragraph", 0, null));
    String fast = render(probe, FAST, model);
    assertEquals(render(probe, DEFAULT, model), fast);
    assertTrue(fast.startsWith("paragraph 0 true paragraph true class equals"), fast);
  }

  private static String render(String source, DefaultObjectWrapper wrapper,
      Map<String, Object> model) throws Exception {
    Configuration configuration = new Configuration(Configuration.VERSION_2_3_34);
    configuration.setObjectWrapper(wrapper);
    StringWriter out = new StringWriter();
    new Template("probe.ftlh", source, configuration).process(model, out);
    return out.toString();
  }

  /** An instance with a value of every component: {@code kind} for strings, 2 for numbers. */
  private static Record sample(Class<?> type, String kind) throws Exception {
    RecordComponent[] components = type.getRecordComponents();
    Class<?>[] types = Stream.of(components).map(RecordComponent::getType)
        .toArray(Class<?>[]::new);
    Object[] values = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      Class<?> c = types[i];
      values[i] = c == String.class ? kind : c == int.class ? 2 : c == boolean.class
          ? Boolean.TRUE : c == List.class ? List.of("a", "b") : null;
    }
    Constructor<?> constructor = type.getDeclaredConstructor(types);
    return (Record) constructor.newInstance(values);
  }

  private static List<String> keys(TemplateHashModelEx model) throws Exception {
    TreeSet<String> keys = new TreeSet<>();
    TemplateCollectionModel collection = model.keys();
    for (TemplateModelIterator i = collection.iterator(); i.hasNext(); ) {
      keys.add(String.valueOf(DeepUnwrap.unwrap(i.next())));
    }
    return List.copyOf(keys);
  }

  private static Object unwrap(TemplateModel model) throws Exception {
    return model == null ? null : DeepUnwrap.unwrap(model);
  }
}
